package org.confdsl.model;

import java.util.List;

/** The code of a task: what {@code task('name') { args -> ... }} declared, run against some steps. */
@FunctionalInterface
public interface TaskBody {

    /**
     * Runs the task.
     *
     * @param steps what the task's words do (live, or printing for a dry run)
     * @param args the arguments given after the task's name on the command line
     */
    void run(TaskSteps steps, List<String> args) throws Exception;
}
