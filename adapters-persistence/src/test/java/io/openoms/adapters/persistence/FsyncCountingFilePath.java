package io.openoms.adapters.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:fsynccount:file:…}) that passes everything to the real file and
 * numbers each write and each fsync, so a test can tell whether what a commit wrote was forced to the
 * device before the commit returned. Public with a public constructor: H2 instantiates it by reflection.
 */
public final class FsyncCountingFilePath extends FilePathWrapper {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicLong LAST_WRITE = new AtomicLong();
    private static final AtomicLong LAST_FORCE = new AtomicLong();
    private static final AtomicLong FORCES = new AtomicLong();

    static void register() {
        FilePath.register(new FsyncCountingFilePath());
    }

    /** True when nothing was written since the last fsync. */
    static boolean everyWriteForced() {
        return LAST_FORCE.get() > LAST_WRITE.get();
    }

    static long forces() {
        return FORCES.get();
    }

    @Override
    public String getScheme() {
        return "fsynccount";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Counting(super.open(mode));
    }

    private static final class Counting extends FileBase {
        private final FileChannel channel;

        Counting(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void implCloseChannel() throws IOException {
            channel.close();
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            channel.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            LAST_WRITE.set(SEQUENCE.incrementAndGet());
            return channel.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            LAST_WRITE.set(SEQUENCE.incrementAndGet());
            return channel.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            LAST_WRITE.set(SEQUENCE.incrementAndGet());
            channel.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            channel.force(metaData);
            FORCES.incrementAndGet();
            LAST_FORCE.set(SEQUENCE.incrementAndGet());
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }
    }
}
