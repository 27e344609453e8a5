package io.github.cfcontainers.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context as the tar the engine expects, the way the Docker CLI does: {@code
 * .dockerignore} applied, the Dockerfile and {@code .dockerignore} always sent, a Dockerfile
 * outside the context added under a private name, symlinks sent as links. Fifos, sockets and
 * devices are refused (see {@link SpecialFileInContextException}). Entries are sorted so the same
 * tree gives the same archive.
 */
public final class BuildContextArchive {

  /** Name under which a Dockerfile from outside the context travels. */
  static final String OUTSIDE_DOCKERFILE = ".dockerfile.cf-containers";

  private final Path context;
  private final Path dockerfile;

  public BuildContextArchive(Path context, Path dockerfile) {
    this.context = context.toAbsolutePath().normalize();
    this.dockerfile = dockerfile.toAbsolutePath().normalize();
  }

  /** The Dockerfile's path inside the archive, for the engine's {@code dockerfile} parameter. */
  public String dockerfilePathInArchive() {
    return dockerfile.startsWith(context)
        ? slashed(context.relativize(dockerfile))
        : OUTSIDE_DOCKERFILE;
  }

  /** Context-relative paths that go into the archive (directories end without '/'). */
  public List<String> includedPaths() throws IOException {
    var ignore = DockerIgnore.read(context);
    String dockerfileEntry = dockerfilePathInArchive();
    var paths = new ArrayList<String>();
    Files.walkFileTree(
        context,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(context)) {
              return FileVisitResult.CONTINUE;
            }
            String relative = slashed(context.relativize(dir));
            if (ignore.isIgnored(relative)) {
              // Only walk into an ignored directory when a '!' rule could bring something back.
              return ignore.hasExclusions()
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }
            paths.add(relative);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String relative = slashed(context.relativize(file));
            boolean alwaysSent =
                relative.equals(dockerfileEntry) || relative.equals(".dockerignore");
            if (alwaysSent || !ignore.isIgnored(relative)) {
              if (attrs.isOther()) {
                // A fifo would block the upload forever; sockets and devices have no content to
                // send.
                throw new SpecialFileInContextException(context, relative);
              }
              paths.add(relative);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    paths.sort(Comparator.naturalOrder());
    return paths;
  }

  public void writeTo(OutputStream out) throws IOException {
    try (var tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String relative : includedPaths()) {
        try {
          add(tar, context.resolve(relative), relative);
        } catch (IOException e) {
          // The JDK's message often lacks the file ("Is a directory", "Permission denied").
          throw new IOException(relative + ": " + e.getMessage(), e);
        }
      }
      if (!dockerfile.startsWith(context)) {
        // Its content travels, not a link: a link's target outside the context would not exist
        // there.
        add(tar, dockerfile.toRealPath(), OUTSIDE_DOCKERFILE);
      }
      tar.finish();
    }
  }

  private static void add(TarArchiveOutputStream tar, Path file, String name) throws IOException {
    TarArchiveEntry entry;
    boolean link = Files.isSymbolicLink(file);
    if (link) {
      // As the CLI does: the link itself (its target text, unresolved), no content.
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(slashed(Files.readSymbolicLink(file)));
      entry.setSize(0);
    } else if (Files.isDirectory(file)) {
      entry = new TarArchiveEntry(name + "/");
    } else {
      entry = new TarArchiveEntry(name);
      entry.setSize(Files.size(file));
    }
    entry.setMode(mode(file));
    entry.setModTime(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis());
    entry.setIds(0, 0);
    tar.putArchiveEntry(entry);
    // TarArchiveEntry.isFile() is true for a symlink entry too; copying would follow the link.
    if (!link && entry.isFile()) {
      try (InputStream content = Files.newInputStream(file)) {
        copyExactly(content, tar, entry.getSize());
      }
    }
    tar.closeArchiveEntry();
  }

  /**
   * Sends the file as it was when its size went into the header. A file that grows meanwhile (a log
   * the build itself writes) is cut at that size, as GNU tar does, instead of failing the entry;
   * one that shrinks cannot fill its entry and is refused by name.
   */
  static void copyExactly(InputStream content, OutputStream tar, long size) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int read = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException(
            "shrank from "
                + size
                + " to "
                + (size - left)
                + " bytes while it was being sent; the build context must not change during the"
                + " build: list the file in .dockerignore or stop what writes it");
      }
      tar.write(buffer, 0, read);
      left -= read;
    }
  }

  /** Keeps the permission bits (an executable script must stay executable in the image). */
  static int mode(Path file) throws IOException {
    int type = Files.isSymbolicLink(file) ? 0120000 : Files.isDirectory(file) ? 040000 : 0100000;
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return type | (Files.isDirectory(file) ? 0755 : 0644);
    }
    int bits = 0;
    for (PosixFilePermission permission : permissions) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return type | bits;
  }

  static String slashed(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
