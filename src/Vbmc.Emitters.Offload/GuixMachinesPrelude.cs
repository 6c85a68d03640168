namespace Vbmc.Emitters.Offload;

/// <summary>
/// The fixed Scheme code at the top of machines.scm when it lists virtual build machines: the
/// procedures that keep a VM's entry only while the VM runs. Constant text: no configuration
/// value is ever part of it (values go through <see cref="Vbmc.Emitters.Scheme.SchemeWriter"/>).
/// </summary>
/// <remarks>
/// Written for how guix offload loads the file: <c>primitive-load</c> in a fresh user module that
/// sees Guile's default bindings and <c>(guix scripts offload)</c>. Procedures of other modules are
/// named with <c>@</c>, so the file needs no <c>use-modules</c>. The only procedures that touch
/// files are <c>call-with-input-file</c> and <c>file-exists?</c>. The tests load the file with
/// Guix 1.5.0's own <c>build-machines</c> inside the reference root, where they put the pid
/// files and host keys at their installed paths.
/// </remarks>
internal static class GuixMachinesPrelude
{
    public const string Text = """
        (define (vbmc-file-text file)
          ;; FILE's whole text, or #f when it is missing or cannot be read.  No error may escape:
          ;; guix offload would then fail for every machine, not only for this VM.
          (catch #t
            (lambda ()
              (call-with-input-file file (@ (ice-9 textual-ports) get-string-all)))
            (lambda _ #f)))

        (define (vbmc-running? pid-file)
          ;; Whether PID-FILE (QEMU's -pidfile) holds the pid of a live process.  QEMU removes the
          ;; file when it exits; after a crash the file stays but no process has its pid.
          (let* ((text (vbmc-file-text pid-file))
                 (pid (and (string? text) (string-trim-both text))))
            (and pid
                 (not (string-null? pid))
                 (string-every (string->char-set "0123456789") pid)
                 (file-exists? (string-append "/proc/" pid)))))

        (define (vbmc-while-running pid-file host-key-file make-machine)
          ;; A list of the VM's build machine, made by MAKE-MACHINE from the VM's public host key,
          ;; while the VM runs and its host key is in place; else the empty list.
          (let ((host-key (and (vbmc-running? pid-file)
                               (let ((text (vbmc-file-text host-key-file)))
                                 (and (string? text) (string-trim-both text))))))
            (if (and host-key (not (string-null? host-key)))
                (list (make-machine host-key))
                '())))
        """;
}
