;;; guix-verdict.scm: GNU Guix 1.5.0's verdict on configuration files, for vbmc's differential
;;; tests (tests/Vbmc.GuixDifferential.Tests).  Written for this project; it calls Guix's own
;;; procedures the way the `guix system', `guix offload' and `guix pull' commands call them.
;;;
;;; Usage, inside a root with Guix 1.5.0 (the tests' reference root):
;;;
;;;   guile --no-auto-compile guix-verdict.scm REQUESTS RESULTS SECONDS
;;;
;;; REQUESTS holds one request per line, a Scheme list:
;;;
;;;   ("FILE" KIND ("LOAD-PATH-DIR" ...))
;;;
;;; where KIND is one of
;;;   auto      load FILE as `guix system' does, then judge by its value (below);
;;;   system    the same (a file meant as an operating-system or a list of services);
;;;   machines  load FILE as `guix offload' loads /etc/guix/machines.scm;
;;;   channels  load FILE as `guix pull -C FILE' loads a channels file.
;;;
;;; One Guile process serves every request: Guix's modules load once, and each file is loaded
;;; in a fresh user module, with the load-path folders prepended to %load-path and
;;; %load-compiled-path (as `guix system -L DIR' does) and everything a file changes in
;;; them undone afterwards; modules a file loads from the user's own folders are removed from
;;; Guile's module registry after it, so that no file sees another one's modules.  Each file has SECONDS seconds (SIGALRM); a file that takes longer
;;; gets the verdict "timeout".
;;;
;;; For each request, one line of JSON is appended to RESULTS (and flushed, so that a caller
;;; can restart the program after a crash with the remaining requests):
;;;
;;;   {"file": FILE, "kind": KIND-USED, "value": WHAT-THE-FILE-RETURNED,
;;;    "verdict": "accept" | "reject" | "timeout", "output": TEXT, "ms": N}
;;;
;;; OUTPUT is everything Guix printed on its error and warning ports while reading and
;;; folding the file (its `FILE:LINE:COLUMN: error: ...' lines, hints and warnings), exactly
;;; as the guix command prints it; columns there are 0-based, lines 1-based.
;;;
;;; The verdicts:
;;;
;;; - operating-system (and image, as `guix system' also accepts one): `load*' of (guix ui)
;;;   in a user module that uses (gnu system), (gnu services) and (gnu system shadow), as
;;;   `read-operating-system' of (guix scripts system) does, then `fold-services' over
;;;   `operating-system-services' (the user's services, the essential services and any
;;;   missing service that an extension targets, instantiated with its default value), all
;;;   inside `with-error-handling' as the guix command runs.  Folding computes every
;;;   extension, so Shepherd's graph checks (a provision given twice, a requirement nobody
;;;   provides), /etc duplicates, account checks and the like are part of the verdict.
;;;   Reject on any error, accept otherwise (warnings allowed).
;;;
;;; - a list of services, or one service (vbmc accepts those as configurations): Guix has no
;;;   command that takes such a file, so the verdict is the one Guix gives for the smallest
;;;   operating-system whose `services' are exactly that list: host name "differential",
;;;   GRUB on /dev/vda, one ext4 root file system by label (not %base-file-systems, whose
;;;   /dev/pts needs the udev service of %base-services), nothing else.  `operating-system-services' then adds the essential services (system, boot,
;;;   shepherd-root, user-processes, accounts, file systems, /etc, PAM, hosts, profile...)
;;;   and instantiates missing extension targets, as for a whole operating system, and
;;;   `fold-services' folds the result.  So a Shepherd service that requires `networking'
;;;   is rejected unless the list provides `networking' too, exactly as in a whole system.
;;;
;;; - a list of build-machine records: `guix offload''s own reading of a machines file
;;;   (`primitive-load' in a user module that uses (guix scripts offload); a syntax error is
;;;   reported at its location).  When the file is not a list of build machines, guix offload
;;;   only warns ("did not return a list of build machines; ignoring it") and builds
;;;   locally; here that counts as a rejection, because the file is useless as a machines
;;;   file.
;;;
;;; - a list of channel records: `load*' in a user module that uses (guix channels), and the
;;;   check of `guix pull' (reject unless every element is a channel).
;;;
;;; - any other value: `guix system''s "does not return an operating system or an image".
;;;
;;; An error that Guix's error handler does not know (a raw Guile exception escaping
;;; `fold-services', an unbound variable in a thunked field) would crash the guix command with
;;; a backtrace: it is a rejection, reported as "FILE:LINE:COLUMN: error: uncaught exception:
;;; " and Guile's own description of the exception, where FILE:LINE:COLUMN is the innermost
;;; frame of that backtrace in the configuration (or in a file it loads), when there is one.

(use-modules (guix ui)
             (guix diagnostics)
             (guix records)
             (gnu system)
             (gnu system file-systems)
             (gnu services)
             (gnu bootloader)
             (gnu bootloader grub)
             (gnu image)
             ((guix scripts offload) #:select (build-machine?))
             ((guix channels) #:select (channel?))
             (json)
             (ice-9 match)
             (ice-9 rdelim)
             (srfi srfi-1))

(define-syntax-rule (quietly body ...)
  ;; Run BODY with its standard output discarded (a configuration may `display').
  (parameterize ((current-output-port (%make-void-port "w")))
    body ...))

(define %timed-out? #f)

(define (call-with-time-limit seconds thunk)
  "Call THUNK; if it runs for more than SECONDS, interrupt it with a 'verdict-timeout throw
(which Guix's own handlers may turn into an error report and an exit) and set %timed-out?."
  (set! %timed-out? #f)
  (sigaction SIGALRM
    (lambda (signal)
      (set! %timed-out? #t)
      (throw 'verdict-timeout)))
  (dynamic-wind
    (lambda () (alarm seconds))
    thunk
    (lambda () (alarm 0))))

(define (call-with-load-path directories thunk)
  "Call THUNK with DIRECTORIES in front of %load-path and %load-compiled-path (as guix's -L
option does); whatever THUNK does to both (add-to-load-path) is undone afterwards."
  (let ((path %load-path)
        (compiled %load-compiled-path))
    (dynamic-wind
      (lambda ()
        (set! %load-path (append directories path))
        (set! %load-compiled-path (append directories compiled)))
      thunk
      (lambda ()
        (set! %load-path path)
        (set! %load-compiled-path compiled)))))

(define %system-load-path
  ;; Where Guile and Guix's own modules are found.
  %load-path)

(define (module-tree)
  "Every module of the registry, as a list."
  (let loop ((module (resolve-module '() #f #f #:ensure #f))
             (result '()))
    (hash-fold (lambda (name submodule result)
                 (loop submodule (cons submodule result)))
               result
               (module-submodules module))))

(define (user-module? module)
  ;; A module loaded from a file that is not one of Guile's or Guix's.
  (let ((file (module-filename module)))
    (and (string? file)
         (not (search-path %system-load-path file)))))

(define (call-with-fresh-user-modules thunk)
  "Call THUNK, then forget every module it loaded from a file of the user's (the -L folders,
add-to-load-path): a later file that uses such a module without the -L that finds it must
fail, as it would in its own guix process."
  (let ((before (make-hash-table)))
    (for-each (lambda (module) (hashq-set! before module #t)) (module-tree))
    (dynamic-wind
      (const #t)
      thunk
      (lambda ()
        (for-each (lambda (module)
                    (when (and (not (hashq-ref before module)) (user-module? module))
                      (let* ((name (module-name module))
                             (parent (resolve-module (drop-right name 1) #f #f
                                                     #:ensure #f)))
                        (when parent
                          (hashq-remove! (module-submodules parent) (last name)))
                        ;; Guile remembers which modules it autoloaded and would not
                        ;; look for this one's file again.
                        (set-autoloaded! (string-concatenate
                                          (map (lambda (part)
                                                 (string-append (symbol->string part) "/"))
                                               (drop-right name 1)))
                                         (symbol->string (last name))
                                         #f))))
                  (module-tree))))))

(define (system-user-module)
  ;; Fresh for every file: the module of (guix scripts system)'s read-operating-system.
  (make-user-module '((gnu system) (gnu services) (gnu system shadow))))

(define (machines-user-module)
  ;; Fresh for every file: the module guix offload loads machines.scm in.
  (let ((module (make-fresh-user-module)))
    (module-use! module (resolve-interface '(guix scripts offload)))
    module))

(define (services-operating-system services)
  "The smallest operating-system whose services are SERVICES (see the commentary)."
  (operating-system
    (host-name "differential")
    (bootloader (bootloader-configuration
                 (bootloader grub-bootloader)
                 (targets '("/dev/vda"))))
    (file-systems (list (file-system
                          (device (file-system-label "differential-root"))
                          (mount-point "/")
                          (type "ext4"))))
    (services services)))

(define (fold-operating-system os)
  (service-type-name (service-kind (fold-services (operating-system-services os)))))

(define (services-value? value)
  (or (service? value)
      (and (pair? value) (list? value) (every service? value))))

(define (build-machines-value? value)
  (and (list? value) (every build-machine? value)))

(define (channels-value? value)
  (and (pair? value) (list? value) (every channel? value)))

(define (load-as-machines file)
  "Read FILE as (guix scripts offload)'s build-machines does (primitive-load in its user
module, syntax errors reported at their location, other errors as 'failed to load'), with a
fresh user module.  A value that is not a list of build machines is an error here."
  (parameterize ((program-name "offload"))
    (catch #t
      (lambda ()
        (save-module-excursion
         (lambda ()
           (set-current-module (machines-user-module))
           (match (primitive-load file)
             (((? build-machine? machines) ...)
              "machines")
             (_
              (warning (G_ "'~a' did not return a list of build machines; \
ignoring it~%")
                       file)
              (exit 1))))))
      (lambda args
        (match args
          (('quit . _) (apply throw args))
          (('verdict-timeout . _) (apply throw args))
          (('system-error . rest)
           (leave (G_ "failed to open machine file '~a': ~a~%")
                  file (strerror (system-error-errno args))))
          (('syntax-error proc message properties form . rest)
           (let ((loc (source-properties->location properties)))
             (leave (G_ "~a: ~a~%")
                    (location->string loc) message)))
          (x
           (leave (G_ "failed to load machine file '~a': ~s~%")
                  file args)))))))

(define (load-as-channels file)
  "Read FILE as `guix pull -C FILE' does."
  (parameterize ((program-name "pull"))
    (let ((result (load* file (make-user-module '((guix channels))))))
      (if (channels-value? result)
          "channels"
          (leave (G_ "'~a' did not return a list of channels~%") file)))))

(define %value-kind
  ;; What the file's value was judged as, set as soon as it is known (so that a file rejected
  ;; while its services are folded still says what it was).
  "none")

(define (load-as-system file)
  "Read FILE as `guix system' does and fold its services; return the kind of value it was
judged as.  A list of build machines or channels is read again as their own command reads it."
  (parameterize ((program-name "system"))
    (let ((value (load* file (system-user-module))))
      (cond ((operating-system? value)
             (set! %value-kind "operating-system")
             (fold-operating-system value)
             "operating-system")
            ((image? value)
             (set! %value-kind "image")
             (fold-operating-system (image-operating-system value))
             "image")
            ((services-value? value)
             (set! %value-kind "services")
             (fold-operating-system
              (services-operating-system (if (service? value) (list value) value)))
             "services")
            ((and (pair? value) (build-machines-value? value))
             (load-as-machines file))
            ((channels-value? value)
             (load-as-channels file))
            (else
             (leave (G_ "'~a' does not return an operating system or an image~%")
                    file))))))

(define (frame-location frame)
  "FRAME's source as (FILE LINE COLUMN), LINE 1-based and COLUMN 0-based as Guix prints them."
  (match (and frame (frame-source frame))
    ((_ (? string? file) line . column) (list file (+ 1 line) column))
    (_ #f)))

(define (user-frame-location stack file)
  "The location of the innermost frame of STACK in FILE, else in any file that is not Guile's
or Guix's (a file FILE loads), else #f."
  (define frames
    (if stack
        (let loop ((i 0) (result '()))
          (if (< i (stack-length stack))
              (loop (+ i 1) (cons (stack-ref stack i) result))
              (reverse result)))
        '()))
  (define locations (filter-map frame-location frames))
  (define canonical (false-if-exception (canonicalize-path file)))
  (or (find (match-lambda ((f . _) (member f (list file canonical)))) locations)
      (find (match-lambda ((f . _) (and (string-prefix? "/" f)
                                        (not (search-path %system-load-path f))
                                        (not (any (lambda (dir) (string-prefix? dir f))
                                                  %system-load-path)))))
            locations)))

(define (truncated text limit)
  (if (> (string-length text) limit)
      (string-append (string-take text limit) "...")
      text))

(define (judge-as file kind)
  "Return (VERDICT VALUE-KIND OUTPUT) for FILE read as KIND (system, machines or channels)."
  (define output (open-output-string))
  (define value-kind "none")
  (define stack #f)
  (set! %value-kind "none")
  (define verdict
    (parameterize ((current-error-port output)
                   (current-warning-port output)
                   (guix-warning-port output))
      (catch #t
        (lambda ()
          (quietly
           (with-error-handling
             (set! value-kind
                   (match kind
                     ("system" (load-as-system file))
                     ("machines" (load-as-machines file))
                     ("channels" (load-as-channels file))))))
          "accept")
        (lambda (key . args)
          (match key
            ('quit "reject")
            ('verdict-timeout "timeout")
            (_
             ;; The guix command would die here with Guile's backtrace, whose frames show
             ;; where in the configuration the error happened: print that location and
             ;; Guile's description of the exception.
             (match (user-frame-location stack file)
               ((f line column) (format output "~a:~a:~a: " f line column))
               (#f #t))
             (format output "error: uncaught exception: ~a~%"
                     (truncated (string-trim-right
                                 (call-with-output-string
                                   (lambda (port)
                                     (print-exception port #f key args))))
                                1000))
             "reject")))
        (lambda (key . args)
          (unless (memq key '(quit verdict-timeout))
            (set! stack (make-stack #t)))))))
  (list (if %timed-out? "timeout" verdict)
        (if (equal? value-kind "none") %value-kind value-kind)
        (get-output-string output)))

(define (judge file kind)
  "Return (VERDICT VALUE-KIND OUTPUT).  KIND auto reads FILE as guix system does; when that
fails, a file that guix offload (or guix pull) reads without error is a machines (or channels)
file that does not import the module those commands import for it, and gets their verdict;
otherwise the verdict is guix system's."
  (match kind
    ("auto"
     (let ((system-answer (judge-as file "system")))
       (define (accepted? answer) (equal? (car answer) "accept"))
       (if (equal? (car system-answer) "reject")
           (let ((machines (judge-as file "machines")))
             (if (accepted? machines)
                 machines
                 (let ((channels (judge-as file "channels")))
                   (if (accepted? channels) channels system-answer))))
           system-answer)))
    (_ (judge-as file kind))))

(define (run-directory file)
  "The directory to judge FILE from.  Guile names a file below a %load-path entry relative to
that entry, so `include' in it resolves relative to the current directory: such a file is
judged from that entry, as a Guix checkout's users run `guix system image
gnu/system/examples/devel-hurd.tmpl' from the checkout.  Other files are judged from /."
  (or (find (lambda (dir) (string-prefix? (string-append dir "/") file)) %load-path)
      "/"))

(define (in-directory directory thunk)
  (let ((previous (getcwd)))
    (dynamic-wind (lambda () (chdir directory))
                  thunk
                  (lambda () (chdir previous)))))

(define (serve requests results seconds)
  (call-with-input-file requests
    (lambda (in)
      (let loop ()
        (match (read in)
          ((? eof-object?) #t)
          ((file kind load-path)
           (let* ((start (get-internal-real-time))
                  (answer (call-with-fresh-user-modules
                           (lambda ()
                             (call-with-load-path load-path
                               (lambda ()
                                 (call-with-time-limit seconds
                                   (lambda ()
                                     (in-directory (run-directory file)
                                                   (lambda () (judge file kind))))))))))
                  (ms (quotient (* 1000 (- (get-internal-real-time) start))
                                internal-time-units-per-second)))
             (match answer
               ((verdict value-kind output)
                (let ((port (open-file results "a")))
                  (display (scm->json-string
                            `(("file" . ,file)
                              ("kind" . ,kind)
                              ("value" . ,value-kind)
                              ("verdict" . ,verdict)
                              ("output" . ,output)
                              ("ms" . ,ms)))
                           port)
                  (newline port)
                  (close-port port)))))
           (loop)))))))

(match (command-line)
  ((_ requests results seconds)
   (serve requests results (string->number seconds)))
  (_
   (format (current-error-port)
           "usage: guile --no-auto-compile guix-verdict.scm REQUESTS RESULTS SECONDS~%")
   (exit 2)))
