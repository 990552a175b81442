package org.confdsl.sync.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.confdsl.model.ResourceModel;

/**
 * The mode, owner and group a destination should end up with.
 *
 * @param mode the permission bits
 * @param owner the owner to set, empty to leave whatever a new file gets
 * @param group the group to set, empty likewise
 * @param ownershipRequired whether failing to set owner or group is an error (it was asked for);
 *     otherwise it was only inherited from the existing file and is kept when we can
 */
public record TargetAttributes(
        int mode, Optional<UserPrincipal> owner, Optional<GroupPrincipal> group, boolean ownershipRequired) {

    /** The mode of a new file when the resource names none. */
    public static final int DEFAULT_MODE = 0644;

    public TargetAttributes {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
    }

    /**
     * Mode from the resource, else the existing file's, else {@link #DEFAULT_MODE}; owner and
     * group from the resource (names or numeric ids), else the existing file's. An existing file
     * that belongs to another user than the one running passes on nothing: it may have been
     * planted to make the new file readable or writable by that user. The new file then belongs
     * to the running user (unless the resource names an owner) and gets the resource's mode or
     * {@link #DEFAULT_MODE}.
     *
     * @throws StepException when a named user or group does not exist
     */
    public static TargetAttributes resolve(ResourceModel resource, Optional<FileMeta> current) throws StepException {
        UserPrincipal me = RunningUser.get();
        boolean foreign = current.isPresent() && !current.get().owner().equals(me);
        Optional<FileMeta> inherited = foreign ? Optional.empty() : current;
        int mode = resource.mode().isPresent()
                ? resource.mode().getAsInt() & 07777
                : inherited.map(FileMeta::mode).orElse(DEFAULT_MODE);
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        Optional<UserPrincipal> owner = foreign ? Optional.of(me) : current.map(FileMeta::owner);
        Optional<GroupPrincipal> group = inherited.map(FileMeta::group);
        try {
            if (resource.owner().isPresent()) {
                owner = Optional.of(lookup.lookupPrincipalByName(resource.owner().get()));
            }
        } catch (UserPrincipalNotFoundException e) {
            throw new StepException("owner '" + resource.owner().get() + "' does not exist", e);
        } catch (IOException e) {
            throw IoErrors.failure("cannot look up owner", "'" + resource.owner().get() + "'", e);
        }
        try {
            if (resource.group().isPresent()) {
                group = Optional.of(lookup.lookupPrincipalByGroupName(resource.group().get()));
            }
        } catch (UserPrincipalNotFoundException e) {
            throw new StepException("group '" + resource.group().get() + "' does not exist", e);
        } catch (IOException e) {
            throw IoErrors.failure("cannot look up group", "'" + resource.group().get() + "'", e);
        }
        boolean required = resource.owner().isPresent() || resource.group().isPresent();
        return new TargetAttributes(mode, owner, group, required);
    }

    /** Exactly the attributes of an existing file, for a byte-exact backup. */
    public static TargetAttributes copyOf(FileMeta meta) {
        return new TargetAttributes(meta.mode(), Optional.of(meta.owner()), Optional.of(meta.group()), true);
    }

    /** Whether a file with {@code meta} already has these attributes. */
    public boolean matches(FileMeta meta) {
        return changesFrom(meta).isEmpty();
    }

    /** What would change on a file with {@code meta}, e.g. {@code mode 0600 -> 0644}; empty when nothing. */
    public List<String> changesFrom(FileMeta meta) {
        List<String> changes = new ArrayList<>();
        if (mode != meta.mode()) {
            changes.add("mode " + FileMeta.octal(meta.mode()) + " -> " + FileMeta.octal(mode));
        }
        if (owner.isPresent() && !owner.get().equals(meta.owner())) {
            changes.add("owner " + meta.owner().getName() + " -> " + owner.get().getName());
        }
        if (group.isPresent() && !group.get().equals(meta.group())) {
            changes.add("group " + meta.group().getName() + " -> " + group.get().getName());
        }
        return changes;
    }

    /**
     * Sets these attributes on {@code path}. An inherited owner that cannot be set (we do not
     * run as root) is left as the file has it.
     */
    public void applyTo(Path path) throws IOException {
        if (ownershipRequired) {
            FileMeta.apply(path, mode, owner, group);
            return;
        }
        try {
            FileMeta.apply(path, mode, owner, group);
        } catch (IOException e) {
            FileMeta.apply(path, mode, Optional.empty(), Optional.empty());
        }
    }
}
