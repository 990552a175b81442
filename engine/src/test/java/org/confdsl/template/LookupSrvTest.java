package org.confdsl.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.confdsl.store.Snapshot;
import org.confdsl.template.internal.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lookupSRV against a tiny DNS responder on 127.0.0.1 (tests never leave loopback). */
class LookupSrvTest {

    private static final Map<String, List<Srv>> ZONE = Map.of(
            "_http._tcp.example.test", List.of(
                    new Srv("b.example.test.", 8080, 10, 5),
                    new Srv("a.example.test.", 8081, 10, 5),
                    new Srv("a.example.test.", 80, 0, 1)),
            "plain.example.test", List.of(new Srv("c.example.test.", 53, 1, 1)));

    private DatagramSocket socket;
    private Thread responder;
    private final TemplateFunctions functions = new TemplateFunctions(new KeyView(Snapshot.empty(), "/"));

    @BeforeEach
    void startResponder() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        responder = new Thread(this::serve, "test-dns");
        responder.setDaemon(true);
        responder.start();
        System.setProperty(Dns.SERVER_PROPERTY, "127.0.0.1:" + socket.getLocalPort());
    }

    @AfterEach
    void stopResponder() throws InterruptedException {
        System.clearProperty(Dns.SERVER_PROPERTY);
        socket.close();
        responder.join(5_000);
    }

    @Test
    void recordsAreReturnedSortedAsConfdSortsThem() {
        List<Srv> records = functions.lookupSRV("http", "tcp", "example.test");

        assertEquals(List.of(
                new Srv("a.example.test.", 80, 0, 1),
                new Srv("a.example.test.", 8081, 10, 5),
                new Srv("b.example.test.", 8080, 10, 5)), records);
    }

    @Test
    void emptyServiceAndProtoLookUpTheNameItself() {
        assertEquals(List.of(new Srv("c.example.test.", 53, 1, 1)), functions.lookupSRV("", "", "plain.example.test"));
    }

    @Test
    void anUnknownNameGivesAnEmptyList() {
        assertTrue(functions.lookupSRV("ldap", "tcp", "example.test").isEmpty());
    }

    @Test
    void templatesReadTargetAndPortInBothSpellings() {
        String out = new ConfTemplateEngine().createTemplate(
                "<% lookupSRV('http', 'tcp', 'example.test').each { %>${it.target}:${it.port} ${it.Priority}/${it.Weight}\n<% } %>")
                .render(functions);

        assertEquals("a.example.test.:80 0/1\na.example.test.:8081 10/5\nb.example.test.:8080 10/5\n", out);
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                byte[] answer = answer(query.getData(), query.getLength());
                socket.send(new DatagramPacket(answer, answer.length, query.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A response to a one-question query: the SRV records of the name, or NXDOMAIN. */
    private static byte[] answer(byte[] q, int length) {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (q[pos] != 0) {
            int len = q[pos] & 0xff;
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(q, pos + 1, len, StandardCharsets.US_ASCII));
            pos += len + 1;
        }
        int questionEnd = pos + 5;
        List<Srv> records = ZONE.getOrDefault(name.toString().toLowerCase(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        short16(out, records.isEmpty() ? 0x8183 : 0x8180);
        short16(out, 1);
        short16(out, records.size());
        short16(out, 0);
        short16(out, 0);
        out.write(q, 12, Math.min(questionEnd, length) - 12);
        for (Srv srv : records) {
            byte[] target = encodeName(srv.target());
            short16(out, 0xc00c);
            short16(out, 33);
            short16(out, 1);
            short16(out, 0);
            short16(out, 60);
            short16(out, 6 + target.length);
            short16(out, srv.priority());
            short16(out, srv.weight());
            short16(out, srv.port());
            out.writeBytes(target);
        }
        return out.toByteArray();
    }

    private static byte[] encodeName(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                out.write(label.length());
                out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }
}
