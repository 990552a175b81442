package org.confdsl.template.internal

import java.nio.charset.StandardCharsets
import spock.lang.Specification

/** Each UTF-8 length boundary, and each way of writing, counted exactly as the encoded bytes. */
class BoundedOutputSpec extends Specification {

    def "'#text' (U+#code) is #size bytes: it fits in #size, not in one less"() {
        given:
        def fits = new BoundedOutput(size)
        def tooSmall = new BoundedOutput(size - 1)

        when:
        fits.write(text)

        then:
        text.getBytes(StandardCharsets.UTF_8).length == size
        fits.toBytes() == text.getBytes(StandardCharsets.UTF_8)
        !fits.exceeded()

        when:
        tooSmall.write(text)

        then:
        BoundedOutput.TooLarge e = thrown()
        e.message == "the render is larger than ${size - 1} bytes"
        tooSmall.exceeded()
        tooSmall.toBytes().length == 0

        where:
        text          | size
        'a'           | 1
        '\u007F'      | 1
        '\u0080'      | 2
        '\u07FF'      | 2
        '\u0800'      | 3
        '\uFFFF'      | 3
        '\uD83D\uDE00' | 4
        code = Integer.toHexString(text.codePointAt(0)).toUpperCase()
    }

    def "every way of writing counts and keeps exactly its own part"() {
        given:
        def out = new BoundedOutput(10)

        when:
        out.write((int) ('a' as char))
        out.write('xbcx'.toCharArray(), 1, 2)
        out.write('xdex', 1, 2)
        out.append('f')
        out.append((CharSequence) null)

        then:
        new String(out.toBytes(), StandardCharsets.UTF_8) == 'abcdefnull'
        !out.exceeded()

        when:
        out.write((int) ('g' as char))

        then:
        thrown(BoundedOutput.TooLarge)
        out.exceeded()
        new String(out.toBytes(), StandardCharsets.UTF_8) == 'abcdefnull'
    }
}
