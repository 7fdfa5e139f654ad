package org.specrage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.specrage.data.DataException;
import org.specrage.eigen.EigenSolverException;
import org.specrage.methods.common.TrainingFailedException;
import org.specrage.model.ModelFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line on stderr and a distinct exit code; stack traces only with SPECRAGE_DEBUG=1. */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        int code;
        String message;
        if (e instanceof DataException de) {
            code = de.exitCode();
            message = de.getMessage();
        } else if (e instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = e.getMessage();
        } else if (e instanceof EigenSolverException) {
            code = ExitCodes.SOLVER_FAILED;
            message = "eigensolver failed: " + e.getMessage();
        } else if (e instanceof ModelFormatException) {
            code = ExitCodes.BAD_MODEL;
            message = "model: " + e.getMessage();
        } else if (e instanceof TrainingFailedException) {
            code = ExitCodes.TRAINING_FAILED;
            message = "training failed: " + e.getMessage();
        } else if (e instanceof java.nio.file.NoSuchFileException nf) {
            code = 3;
            message = nf.getFile() + (nf.getReason() != null ? ": " + nf.getReason() : ": no such file");
        } else if (e instanceof java.nio.file.FileAlreadyExistsException fe) {
            code = ExitCodes.IO_ERROR;
            message = "I/O error: " + fe.getFile() + " " + (fe.getReason() != null ? fe.getReason() : "already exists and is not a directory");
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            code = ExitCodes.IO_ERROR;
            message = "I/O error: " + e.getMessage();
        } else {
            code = ExitCodes.INTERNAL_ERROR;
            message = "internal error: " + e + " (set SPECRAGE_DEBUG=1 for the stack trace)";
        }
        cmd.getErr().println("specrage: " + message);
        if ("1".equals(System.getenv("SPECRAGE_DEBUG"))) e.printStackTrace(cmd.getErr());
        return code;
    }
}
