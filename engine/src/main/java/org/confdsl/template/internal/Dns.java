package org.confdsl.template.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.confdsl.template.Srv;

/**
 * Name lookups for templates. Failures give an empty list, as confd's do, because a template that
 * lists backends should render (and be checked) rather than abort on a resolver hiccup.
 */
public final class Dns {

    /** System property naming the DNS server for SRV lookups, {@code host:port}; unset = the system's. */
    public static final String SERVER_PROPERTY = "confdsl.dns.server";

    private Dns() {
    }

    /** The addresses of {@code host} as strings (IPv6 in compressed form), sorted as strings. */
    public static List<String> lookupIp(String host) {
        List<String> out = new ArrayList<>();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                out.add(format(address));
            }
        } catch (UnknownHostException | SecurityException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /**
     * The SRV records of {@code _service._proto.name} (of {@code name} when both are empty), sorted
     * as confd sorts them: by the string target+port+priority+weight.
     */
    public static List<Srv> lookupSrv(String service, String proto, String name) {
        String query = service.isEmpty() && proto.isEmpty() ? name : "_" + service + "._" + proto + "." + name;
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        String server = System.getProperty(SERVER_PROPERTY, "").trim();
        if (!server.isEmpty()) {
            env.put(Context.PROVIDER_URL, "dns://" + server);
        }
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        List<Srv> out = new ArrayList<>();
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attribute records = ctx.getAttributes(query, new String[] {"SRV"}).get("SRV");
            if (records != null) {
                NamingEnumeration<?> values = records.getAll();
                while (values.hasMore()) {
                    out.add(parseSrv(String.valueOf(values.next())));
                }
            }
        } catch (NamingException | IllegalArgumentException e) {
            return new ArrayList<>();
        } finally {
            close(ctx);
        }
        out.sort(Comparator.comparing(s -> s.target() + s.port() + s.priority() + s.weight()));
        return out;
    }

    private static Srv parseSrv(String record) {
        String[] f = record.trim().split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("malformed SRV record");
        }
        return new Srv(f[3], Integer.parseInt(f[2]), Integer.parseInt(f[0]), Integer.parseInt(f[1]));
    }

    private static void close(DirContext ctx) {
        if (ctx != null) {
            try {
                ctx.close();
            } catch (NamingException ignored) {
                // nothing was held that outlives the lookup
            }
        }
    }

    /** IPv4 dotted; IPv6 as RFC 5952 (Go's net.IP.String): lower case, longest zero run as "::". */
    static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
