package io.newsflow.producer.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SSRF guard: decides whether a host may be fetched. Refused by default: loopback, private
 * (RFC 1918), link-local (including cloud metadata at 169.254.169.254), shared/CGNAT, multicast,
 * unspecified, documentation and reserved IPv4 ranges; IPv6 loopback, unspecified, link-local
 * ({@code fe80::/10}), site-local, unique-local ({@code fc00::/7}), multicast and documentation ranges;
 * IPv4 addresses embedded in IPv6 (IPv4-mapped {@code ::ffff:a.b.c.d}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) are judged by the IPv4 address they carry. Ranges listed in the
 * {@code producer.fetch.allow.addresses} setting are allowed even so.
 *
 * <p>Hosts are read the way a browser reads them: {@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1} and {@code 127.1} are all 127.0.0.1 (WHATWG URL IPv4 parsing: decimal, octal
 * with a leading 0, hexadecimal with 0x; one to four parts). {@link Verdict.Allowed#host()} gives
 * such a host back in canonical dotted form, and the fetcher connects to that, so nothing downstream
 * can read the same text as a different address. A DNS name is resolved and <em>every</em> address it
 * resolves to must pass.
 *
 * <p><b>Residual risk (DNS rebinding).</b> The JDK {@code HttpClient} resolves the host again when it
 * connects and cannot be handed a pre-resolved address (no resolver hook before Java 18, and the
 * {@code Host} header is restricted, which rules out connecting to the checked IP while sending the
 * name; for HTTPS the name is needed for SNI and certificate checks anyway). The second lookup
 * normally hits the JVM's address cache filled by the check a moment earlier
 * ({@code networkaddress.cache.ttl}, 30 s by default), so a name that changes its answer between the
 * check and the connection slips through only if that cache entry expires in between. IP-literal
 * hosts are not affected. Deployments that must close the gap entirely should also filter egress at
 * the network level (or route crawler traffic through an egress proxy).
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressGuard {

    /** Looks up every address of a host name; {@link InetAddress#getAllByName} by default. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What {@link #check} decided. */
    public sealed interface Verdict {

        /**
         * The host may be fetched.
         *
         * @param host the host to put in the request URI: an IPv4 literal in dotted form, else the host
         *     as given
         * @param addresses every address that was checked
         */
        record Allowed(String host, List<InetAddress> addresses) implements Verdict {
            public Allowed {
                addresses = List.copyOf(addresses);
            }
        }

        /** The host is, or resolves to, a refused address (or is a malformed IP literal). */
        record Refused(String reason) implements Verdict {
        }

        /** The name does not resolve. */
        record Unresolved(String reason) implements Verdict {
        }
    }

    private record Blocked(AddressRange range, String label) {
    }

    // Declared before BLOCKED: parsing the ranges below uses it.
    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

    private static final List<Blocked> BLOCKED = List.of(
            blocked("0.0.0.0/8", "unspecified"),
            blocked("10.0.0.0/8", "private"),
            blocked("100.64.0.0/10", "shared address space (CGNAT)"),
            blocked("127.0.0.0/8", "loopback"),
            blocked("169.254.0.0/16", "link-local"),
            blocked("172.16.0.0/12", "private"),
            blocked("192.0.0.0/24", "IETF protocol assignments"),
            blocked("192.0.2.0/24", "documentation"),
            blocked("192.88.99.0/24", "6to4 relay anycast"),
            blocked("192.168.0.0/16", "private"),
            blocked("198.18.0.0/15", "benchmarking"),
            blocked("198.51.100.0/24", "documentation"),
            blocked("203.0.113.0/24", "documentation"),
            blocked("224.0.0.0/4", "multicast"),
            blocked("240.0.0.0/4", "reserved"),
            blocked("::/128", "unspecified"),
            blocked("::1/128", "loopback"),
            blocked("::/96", "IPv4-compatible IPv6 (deprecated)"),
            blocked("64:ff9b:1::/48", "local-use NAT64"),
            blocked("100::/64", "discard-only"),
            blocked("2001::/23", "IETF protocol assignments"),
            blocked("2001:db8::/32", "documentation"),
            blocked("fc00::/7", "unique-local"),
            blocked("fe80::/10", "link-local"),
            blocked("fec0::/10", "site-local"),
            blocked("ff00::/8", "multicast"));

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");
    private final List<AddressRange> allowed;
    private final Resolver resolver;

    /** A guard that allows {@code allowed} and looks names up with {@link InetAddress#getAllByName}. */
    public AddressGuard(List<AddressRange> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    public AddressGuard(List<AddressRange> allowed, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** Checks {@code host} (a name, an IPv4 literal in any form, or an IPv6 literal with or without brackets). */
    public Verdict check(String host) {
        if (host == null || host.isBlank()) {
            return new Verdict.Refused("no host");
        }
        InetAddress literal;
        try {
            literal = parseLiteral(host);
        } catch (IllegalArgumentException e) {
            return new Verdict.Refused(e.getMessage());
        }
        if (literal != null) {
            String refusal = refusal(literal);
            if (refusal != null) {
                return new Verdict.Refused(host + " is " + refusal);
            }
            // An IPv4 literal goes back in dotted form, so the client connects to exactly what was checked;
            // IPv6 literal syntax is unambiguous and stays as given.
            return new Verdict.Allowed(literal instanceof Inet4Address ? literal.getHostAddress() : host,
                    List.of(literal));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Verdict.Unresolved("unknown host " + host);
        }
        if (addresses == null || addresses.length == 0) {
            return new Verdict.Unresolved("no address for host " + host);
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                return new Verdict.Refused(host + " resolves to " + address.getHostAddress() + ", " + refusal);
            }
        }
        return new Verdict.Allowed(host, List.of(addresses));
    }

    /**
     * Why {@code address} is refused ("loopback", "private", ...), or null when it is public or in an
     * allowed range. An IPv4 address carried in an IPv6 one is judged too.
     */
    public String refusal(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        for (AddressRange range : allowed) {
            if (range.contains(address) || (embedded != null && range.contains(embedded))) {
                return null;
            }
        }
        String label = label(address);
        if (label == null && embedded != null) {
            String inner = label(embedded);
            label = inner == null ? null : inner + " (" + embedded.getHostAddress() + " inside IPv6)";
        }
        return label == null ? null : label + " (not in producer.fetch.allow.addresses)";
    }

    private static String label(InetAddress address) {
        for (Blocked b : BLOCKED) {
            if (b.range().contains(address)) {
                return b.label();
            }
        }
        return null;
    }

    /** The IPv4 address inside a NAT64 or 6to4 IPv6 address, else null (IPv4-mapped ones are already IPv4 in Java). */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        try {
            if (NAT64.contains(address)) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (SIX_TO_FOUR.contains(address)) {
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: four bytes
        }
        return null;
    }

    /**
     * The address an IP literal stands for, or null when {@code host} is a DNS name. IPv6 literals
     * may be in brackets; IPv4 literals are read as browsers read them (see the class comment). Never
     * looks anything up.
     *
     * @throws IllegalArgumentException when {@code host} looks numeric but is not a valid address
     */
    public static InetAddress parseLiteral(String host) {
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            if (!h.matches("[0-9A-Fa-f:.]+(%[\\w.-]+)?")) {
                throw new IllegalArgumentException("'" + host + "' is not a valid IPv6 address");
            }
            try {
                return InetAddress.getByName("[" + h + "]"); // brackets: parsed as a literal, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + host + "' is not a valid IPv6 address");
            }
        }
        return parseIpv4(h);
    }

    /** WHATWG URL IPv4 parsing; null when the last label is not a number (a DNS name). */
    private static InetAddress parseIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (!NUMBER.matcher(parts[parts.length - 1]).matches()) {
            return null;
        }
        String invalid = "'" + host + "' is not a valid IPv4 address";
        if (parts.length > 4) {
            throw new IllegalArgumentException(invalid);
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i], invalid);
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (numbers[i] > 255) {
                throw new IllegalArgumentException(invalid);
            }
            value |= numbers[i] << (8 * (3 - i));
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new IllegalArgumentException(invalid);
        }
        value |= last;
        try {
            return InetAddress.getByAddress(new byte[] {
                    (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: four bytes
        }
    }

    private static long number(String part, String invalid) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException(invalid); // "1..2"
        }
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (p.startsWith("0x")) {
            p = p.substring(2);
            radix = 16;
        } else if (p.length() > 1 && p.startsWith("0")) {
            p = p.substring(1);
            radix = 8;
        }
        if (p.isEmpty()) {
            return 0; // "0x" alone is zero, as in browsers
        }
        if (p.length() > 12) {
            throw new IllegalArgumentException(invalid); // far beyond 2^32 in any radix
        }
        try {
            return Long.parseLong(p, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid); // e.g. 8 or 9 in an octal part
        }
    }

    private static Blocked blocked(String cidr, String label) {
        return new Blocked(AddressRange.parse(cidr), label);
    }
}
