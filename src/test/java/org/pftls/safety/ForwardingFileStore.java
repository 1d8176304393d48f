package org.pftls.safety;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pftls.engine.ports.FileStore;

/** A {@link FileStore} that passes everything to another one: tests override what they break. */
class ForwardingFileStore implements FileStore {
    protected final FileStore delegate;

    ForwardingFileStore(FileStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return delegate.isDirectory(path);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return delegate.isRegularFile(path);
    }

    @Override
    public boolean isReadable(Path path) {
        return delegate.isReadable(path);
    }

    @Override
    public byte[] read(Path path) throws IOException {
        return delegate.read(path);
    }

    @Override
    public Stamp stamp(Path path) throws IOException {
        return delegate.stamp(path);
    }

    @Override
    public Info info(Path path) throws IOException {
        return delegate.info(path);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        return delegate.list(directory);
    }

    @Override
    public void checkWritable(Path path) throws IOException {
        delegate.checkWritable(path);
    }

    @Override
    public void createNew(Path target, byte[] content, int mode) throws IOException {
        delegate.createNew(target, content, mode);
    }

    @Override
    public void createNewLike(Path target, byte[] content, Path model) throws IOException {
        delegate.createNewLike(target, content, model);
    }

    @Override
    public void append(Path file, byte[] bytes, Path model) throws IOException {
        delegate.append(file, bytes, model);
    }

    @Override
    public void truncate(Path file, long size) throws IOException {
        delegate.truncate(file, size);
    }

    @Override
    public List<Path> removeStaleTemporaries(Path directory, Instant olderThan) throws IOException {
        return delegate.removeStaleTemporaries(directory, olderThan);
    }

    @Override
    public void replace(Path target, byte[] content) throws IOException {
        delegate.replace(target, content);
    }

    @Override
    public void replaceIfUnchanged(Path target, byte[] expected, byte[] content) throws IOException {
        delegate.replaceIfUnchanged(target, expected, content);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public byte[] read(Path path, long limit) throws IOException {
        return delegate.read(path, limit);
    }

    @Override
    public byte[] readTail(Path path, int count) throws IOException {
        return delegate.readTail(path, count);
    }

    @Override
    public Optional<Exposure> exposure(Path path) throws IOException {
        return delegate.exposure(path);
    }

    @Override
    public Charset nameCharset() {
        return delegate.nameCharset();
    }
}
