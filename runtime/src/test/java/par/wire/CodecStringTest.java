package par.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import par.interp.ParError;
import par.interp.ParList;
import par.interp.ParMap;

/**
 * Strings cross between processes exactly: any Java string, a lone surrogate included, comes
 * back as it went; well-formed text travels as UTF-8; malformed bytes are refused.
 */
class CodecStringTest {
    private static String roundTrip(String s) {
        return (String) Codec.decode(Codec.encode(s), null);
    }

    private static void assertSameUnits(String expected, String actual) {
        assertArrayEquals(expected.toCharArray(), actual.toCharArray());
    }

    @Test
    void loneSurrogatesComeBackExactly() {
        String[] samples = {"\ud83d", "\ude00", "a\ud83db", "\ude00\ud83d", "\ud83d\ud83d\ude00", "x\ud83d",
            "\ud83dx", "é\ud83d😀\udfff", ""};
        for (String s : samples) {
            assertSameUnits(s, roundTrip(s));
            assertSameUnits(s, Codec.readStr(Codec.strForm(s)));
        }
    }

    @Test
    void everyStringOfRandomUnitsComesBackExactly() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            char[] units = new char[random.nextInt(12)];
            for (int i = 0; i < units.length; i++) {
                // mostly surrogates and their neighbours, where the trouble is
                units[i] = random.nextBoolean() ? (char) (0xd7f0 + random.nextInt(0x820)) : (char) random.nextInt(0x10000);
            }
            String s = new String(units);
            assertSameUnits(s, roundTrip(s));
        }
    }

    @Test
    void stringsInsideValuesAndFunctionTreesComeBackExactly() {
        ParMap map = new ParMap();
        map.put("\ud83d", ParList.of("\ude00", "ok"));
        ParMap back = (ParMap) Codec.decode(Codec.encode(map), null);
        assertEquals(ParList.of("\ude00", "ok").items, ((ParList) back.get("\ud83d")).items);
        Codec.Writer w = new Codec.Writer();
        AstForm.writeTree(w, "a\ud83db", 0);
        assertEquals("a\ud83db", AstForm.readTree(new Codec.Reader(w.toBytes(), null), 0));
    }

    @Test
    void wellFormedTextTravelsAsUtf8() {
        String s = "naïve 😀";
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] form = Codec.strForm(s);
        assertEquals(4 + utf8.length, form.length);
        assertEquals(utf8.length, form[3]);
        assertArrayEquals(utf8, java.util.Arrays.copyOfRange(form, 4, form.length));
    }

    @Test
    void malformedUtf8IsRefused() {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0, (byte) 0xbd}, {(byte) 0xc0, (byte) 0x80},
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        for (byte[] text : bad) {
            byte[] form = new byte[4 + text.length];
            form[3] = (byte) text.length;
            System.arraycopy(text, 0, form, 4, text.length);
            WireException e = assertThrows(WireException.class, () -> Codec.readStr(form));
            assertEquals("malformed value: a string that is not valid UTF-8", e.getMessage());
        }
        // the replacement character itself is fine text
        assertEquals("a\ufffdb", Codec.readStr(Codec.strForm("a\ufffdb")));
    }

    @Test
    void truncatedUnitsAreRefused() {
        byte[] form = Codec.strForm("ab\ud83d");
        byte[] cut = java.util.Arrays.copyOf(form, form.length - 1);
        WireException e = assertThrows(WireException.class, () -> Codec.readStr(cut));
        assertEquals("malformed value: it ends early", e.getMessage());
        byte[] huge = {(byte) 0x80, 0, 0, 0}; // the complement of a count of 2^31 - 1 units
        assertEquals("malformed value: it ends early", assertThrows(WireException.class, () -> Codec.readStr(huge)).getMessage());
    }

    @Test
    void aStringOverTheFrameLimitIsAParError() {
        String big = "\ud83d" + "x".repeat(Wire.MAX_FRAME / 2);
        ParError e = assertThrows(ParError.class, () -> Codec.encode(big));
        assertEquals("value is too large to send to another process (over 64 MiB)", e.getMessage());
    }
}
