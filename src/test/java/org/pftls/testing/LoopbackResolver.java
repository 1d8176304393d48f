package org.pftls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pftls.adapters.DnsjavaLookup;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A stand-in recursive resolver on a loopback UDP port, for the DANE checks in unit tests (the
 * real validating and non-validating unbound are in DaneIT): it answers the questions
 * enable-client --dane asks as a validating resolver answers them (the root's NS records with the
 * AD bit; {@code dnssec-failed.org} refused with SERVFAIL, answered only with checking disabled) or
 * as one that does not validate (no AD bit, the broken name answered). Every other question gets
 * REFUSED. Messages are made and read with dnsjava. Both the command line ({@code --resolver}) and
 * the wizards (injected) can ask it, so their words can be compared.
 */
public final class LoopbackResolver implements AutoCloseable {
    private final DatagramSocket socket;
    private final boolean validating;
    private final Thread thread;
    /** The questions asked, e.g. "NS . DO" or "A dnssec-failed.org. CD". */
    public final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    private LoopbackResolver(boolean validating) {
        this.validating = validating;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::serve, "loopback-resolver");
        thread.setDaemon(true);
        thread.start();
    }

    /** A resolver that validates DNSSEC. */
    public static LoopbackResolver validating() {
        return new LoopbackResolver(true);
    }

    /** A resolver that does not validate (it passes answers on without the AD bit). */
    public static LoopbackResolver notValidating() {
        return new LoopbackResolver(false);
    }

    /** {@code 127.0.0.1:PORT}, as {@code --resolver} takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** pftls's resolver adapter on it, as {@code --resolver ADDRESS} makes it (enable-client --dane's 5 s). */
    public DnsjavaLookup lookup() {
        return DnsjavaLookup.of(address(), Duration.ofSeconds(5), null);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                byte[] answer = answer(query).toWire(1232);
                socket.send(new DatagramPacket(answer, answer.length, in.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message answer(Message query) throws IOException {
        Record question = query.getQuestion();
        boolean cd = query.getHeader().getFlag(Flags.CD);
        OPTRecord opt = query.getOPT();
        boolean dnssecOk = opt != null && (opt.getFlags() & org.xbill.DNS.ExtendedFlags.DO) != 0;
        asked.add(Type.string(question.getType()) + " " + question.getName() + (dnssecOk ? " DO" : "")
                + (cd ? " CD" : ""));
        Message m = new Message(query.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.RD);
        m.getHeader().setFlag(Flags.RA);
        if (cd) {
            m.getHeader().setFlag(Flags.CD);
        }
        m.addRecord(question, Section.QUESTION);
        if (opt != null) {
            m.addRecord(new OPTRecord(1232, 0, 0, opt.getFlags()), Section.ADDITIONAL);
        }
        if (question.getType() == Type.NS && question.getName().equals(Name.root)) {
            m.addRecord(new NSRecord(Name.root, DClass.IN, 86400, Name.fromString("a.root-servers.net.")),
                    Section.ANSWER);
            if (validating) {
                m.getHeader().setFlag(Flags.AD);
            }
        } else if (question.getType() == Type.A && question.getName().equals(Name.fromString("dnssec-failed.org."))) {
            if (validating && !cd) {
                m.getHeader().setRcode(Rcode.SERVFAIL);
            } else {
                m.addRecord(new ARecord(question.getName(), DClass.IN, 300,
                        InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})), Section.ANSWER);
            }
        } else {
            m.getHeader().setRcode(Rcode.REFUSED);
        }
        return m;
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
