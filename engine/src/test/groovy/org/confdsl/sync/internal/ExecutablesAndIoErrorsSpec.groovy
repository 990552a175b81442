package org.confdsl.sync.internal

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.AccessDeniedException
import java.nio.file.DirectoryNotEmptyException
import java.nio.file.FileAlreadyExistsException
import java.nio.file.FileSystemException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.NotDirectoryException
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** How a command's executable is judged before it runs, and how an I/O error is said in a message. */
class ExecutablesAndIoErrorsSpec extends Specification {

    @TempDir
    Path dir

    def "#command is judged #expected"() {
        given:
        Path script = Files.writeString(dir.resolve('run.sh'), '#!/bin/sh\n')
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString('rwxr-xr-x'))
        Path plain = Files.writeString(dir.resolve('plain.txt'), '')
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString('rw-r--r--'))

        expect:
        Executables.problem(command.replace('DIR', dir.toString())) == expected

        where:
        command            || expected
        'sh'               || null                    // found on PATH
        'no-such-cmd-x9'   || 'not found'
        'DIR/run.sh'       || null                    // a path is taken as given
        'DIR/missing'      || 'not found'
        'DIR'              || 'permission denied'     // a directory cannot be run
        'DIR/plain.txt'    || 'permission denied'     // no execute bit, for root too
        'bad\u0000name'    || 'not found'             // not a path at all
    }

    def "#error.class.simpleName is said as '#expected'"() {
        expect:
        IoErrors.reason(error) == expected
        IoErrors.failure('cannot write', '/etc/x.conf', error).message == 'cannot write /etc/x.conf: ' + expected
        IoErrors.failure('cannot write', '/etc/x.conf', error).cause.is(error)

        where:
        error                                                    || expected
        new AccessDeniedException('/x')                          || 'permission denied'
        new NoSuchFileException('/x')                            || 'no such file or directory'
        new NotDirectoryException('/x')                          || 'not a directory'
        new FileAlreadyExistsException('/x')                     || 'file exists'
        new DirectoryNotEmptyException('/x')                     || 'directory not empty'
        new FileSystemException('/x', null, 'Read-only file system') || 'read-only file system'
        new FileSystemException('/x')                            || '/x'
        new IOException('disk on fire')                          || 'disk on fire'
        new IOException()                                        || 'IOException'
    }
}
