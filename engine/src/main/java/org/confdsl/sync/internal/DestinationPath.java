package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;

/**
 * The file a destination really is, and whether confdsl may write it.
 *
 * <ul>
 *   <li>A symlink owned by the running user or by root is followed (up to 40 links), and its
 *       target is replaced; the link stays. A symlink owned by anyone else is refused: it may have
 *       been planted to make confdsl write (or show, or back up) a file of its choice.
 *   <li>A destination, or a link on the way to it, that belongs to another user and lies in a
 *       directory others can write to (mode {@code o+w}, such as {@code /tmp}) is refused: that
 *       user may have planted it.
 * </ul>
 * Refusals name the path and its owner, and say what to do.
 */
public final class DestinationPath {

    private static final int MAX_LINKS = 40;

    private DestinationPath() {
    }

    /**
     * The path to write for {@code dest}: {@code dest} itself, or the target of its trusted links.
     *
     * @throws StepException when a link or the destination is refused, or cannot be read
     */
    public static Path resolve(Path dest) throws StepException {
        UserPrincipal me = RunningUser.get();
        Path path = dest.toAbsolutePath().normalize();
        for (int hops = 0; ; hops++) {
            PosixFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    return path;
                }
                throw IoErrors.failure("cannot read", path, e);
            }
            boolean foreign = !attrs.owner().equals(me);
            if (foreign) {
                refuseInSharedDirectory(path, attrs, dest);
            }
            if (!attrs.isSymbolicLink()) {
                return path;
            }
            if (foreign && !RunningUser.isRoot(attrs.owner())) {
                throw new StepException("refusing to follow " + path + (path.equals(dest.toAbsolutePath().normalize()) ? "" : " (on the way to " + dest + ")")
                        + ": it is a symlink owned by " + owner(attrs) + ", and confdsl follows only links owned by root or by the user it runs as ("
                        + me.getName() + "); remove it, or replace it with a link that "
                        + (RunningUser.isRoot(me) ? "root" : "root or " + me.getName()) + " owns");
            }
            if (hops >= MAX_LINKS) {
                throw new StepException("cannot write " + dest + ": more than " + MAX_LINKS + " symlinks (a loop?)");
            }
            try {
                path = path.getParent().resolve(Files.readSymbolicLink(path)).normalize();
            } catch (IOException e) {
                throw IoErrors.failure("cannot read the symlink", path, e);
            }
        }
    }

    private static void refuseInSharedDirectory(Path path, PosixFileAttributes attrs, Path dest) throws StepException {
        Path dir = path.getParent();
        int dirMode;
        try {
            dirMode = (Integer) Files.getAttribute(dir, "unix:mode") & 07777;
        } catch (IOException e) {
            throw IoErrors.failure("cannot read", dir, e);
        }
        if ((dirMode & 0002) == 0) {
            return;
        }
        String what = attrs.isSymbolicLink() ? "symlink" : "file";
        throw new StepException("refusing to write " + dest + ": the " + what + " " + path + " belongs to " + owner(attrs)
                + " and its directory " + dir + " is writable by others (mode " + FileMeta.octal(dirMode)
                + "); anyone could have planted it. Put the destination in a directory only its owner can write, or remove "
                + path);
    }

    private static String owner(PosixFileAttributes attrs) {
        return attrs.owner().getName();
    }
}
