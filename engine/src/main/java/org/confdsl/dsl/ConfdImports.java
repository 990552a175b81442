package org.confdsl.dsl;

import java.util.List;
import java.util.Optional;

import org.confdsl.confd.ConfDir;
import org.confdsl.confd.ConfdException;
import org.confdsl.dsl.internal.DslProblem;
import org.confdsl.model.ResourceModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code confd '/etc/confd'} word's resources: read from the directory, checked against the script's own. */
final class ConfdImports {

    private static final Logger LOG = LoggerFactory.getLogger(ConfdImports.class);

    private ConfdImports() {
    }

    static List<ResourceModel> resources(List<ScriptRecorder.ConfdImport> imports) {
        List<ResourceModel> out = new java.util.ArrayList<>();
        for (ScriptRecorder.ConfdImport i : imports) {
            ConfDir.Loaded loaded;
            try {
                loaded = new ConfDir(i.dir()).load(Optional.empty());
            } catch (ConfdException e) {
                throw new DslProblem(e.getMessage(), i.line());
            }
            if (!loaded.problems().isEmpty()) {
                throw new DslProblem("confd '" + i.dir() + "': " + loaded.problems().get(0), i.line());
            }
            if (loaded.resources().isEmpty()) {
                throw new DslProblem("confd '" + i.dir() + "' has no template resources (no conf.d/*.toml); give the directory that holds conf.d/ and templates/", i.line());
            }
            loaded.warnings().forEach(w -> LOG.warn("{}", w));
            out.addAll(loaded.resources());
        }
        return out;
    }

    /** Adds {@code imported} to {@code resources}; a name used twice is a problem at the confd line. */
    static void addAll(List<ResourceModel> resources, List<ResourceModel> imported, List<ScriptRecorder.ConfdImport> imports) {
        for (ResourceModel r : imported) {
            if (resources.stream().anyMatch(x -> x.name().equals(r.name()))) {
                throw new DslProblem("resource '" + r.name() + "' is declared twice: by the script and by a confd directory ("
                        + r.template().getParent().getParent() + "); rename one of them", imports.get(0).line());
            }
            resources.add(r);
        }
    }
}
