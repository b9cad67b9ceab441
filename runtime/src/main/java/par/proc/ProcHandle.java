package par.proc;

import par.interp.Interpreter;
import par.interp.Nil;
import par.wire.Answer;
import par.wire.ProcessRequest;

/** What {@code spawn} returns: a process by id, with its pid and name; state is asked of the hub. */
public final class ProcHandle extends HubHandle {
    private final long pid;
    private String name;

    ProcHandle(ProcessSupport support, long id, long pid, String name) {
        super(support, id);
        this.pid = pid;
        this.name = name;
    }

    @Override
    public byte kind() {
        return KIND_PROCESS;
    }

    @Override
    public long meta() {
        return pid;
    }

    @Override
    public void sending() {
        support.processHandleSent(id);
    }

    @Override
    public String typeName() {
        return "process";
    }

    private Answer.ProcessState info() {
        return support.broker().call(new ProcessRequest.Info(id));
    }

    String name() {
        if (name == null) {
            name = info().name();
        }
        return name;
    }

    @Override
    public Object getAttribute(String attr) {
        switch (attr) {
            case "pid": return pid;
            case "name": return name();
            case "alive": return info().alive();
            case "exitcode": return info().exitcode() == null ? Nil.NIL : (Object) info().exitcode();
            case "daemon": return support.broker().call(new ProcessRequest.Daemon(id, 2)).value();
            default: return super.getAttribute(attr);
        }
    }

    @Override
    public void setAttribute(String attr, Object value) {
        if (!attr.equals("daemon")) {
            super.setAttribute(attr, value);
            return;
        }
        if (!(value instanceof Boolean)) {
            throw new par.interp.ParError("daemon must be true or false, not " + par.interp.Values.aType(value));
        }
        support.broker().call(new ProcessRequest.Daemon(id, (Boolean) value ? 1 : 0));
    }

    @Override
    public Object callMethod(Interpreter interp, String method, Object[] args) {
        switch (method) {
            case "join":
                par.interp.Builtin.checkArity("join", args, 0, 1);
                return support.join(id, args.length == 0 ? Nil.NIL : args[0], interp.site());
            case "terminate":
                par.interp.Builtin.checkArity("terminate", args, 0, 0);
                support.broker().call(new ProcessRequest.Terminate(id));
                return Nil.NIL;
            case "kill":
                par.interp.Builtin.checkArity("kill", args, 0, 0);
                support.broker().call(new ProcessRequest.Kill(id, interp.site()));
                return Nil.NIL;
            default:
                throw noMethod(method);
        }
    }

    @Override
    public String toString() {
        return "<process " + name() + " pid " + pid + ">";
    }
}
