package par.interp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A Par list: a growable sequence of values, shared by reference as in Python. */
public final class ParList {
    public final ArrayList<Object> items;

    public ParList() {
        this.items = new ArrayList<>();
    }

    public ParList(int capacity) {
        this.items = new ArrayList<>(capacity);
    }

    public ParList(Collection<?> items) {
        this.items = new ArrayList<>(items);
    }

    public static ParList of(Object... values) {
        return new ParList(List.of(values));
    }

    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public void add(Object v) {
        items.add(v);
    }
}
