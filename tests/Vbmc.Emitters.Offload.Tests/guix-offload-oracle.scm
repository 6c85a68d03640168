;;; The Guix offload oracle of vbmc's tests (GuixOffloadOracle.cs), run by Guile inside the
;;; reference root.  It prints READY<TAB>PID<TAB>GUIX-VERSION<TAB>PORT-ENCODING, then answers
;;; requests read on standard input, one a line:
;;;
;;;   load   loads /etc/guix/machines.scm with guix offload's own procedure, 'build-machines'
;;;          of (guix scripts offload), and prints every field of every build-machine record
;;;          it returns, as read by Guix's own accessors:
;;;            BEGIN, then per record "machine" and FIELD<TAB>KIND<TAB>PAYLOAD lines, then END.
;;;          What Guix prints while loading (warnings; errors before its 'leave' exits) comes
;;;          as diagnostic<TAB>HEX, a throw (that exit included) as thrown<TAB>HEX.
;;;
;;; Strings travel as the hex of their UTF-8 bytes, so every value is decoded exactly.

(use-modules (guix scripts offload)
             (guix diagnostics)
             ((guix config) #:select (%guix-version))
             (rnrs bytevectors)
             (srfi srfi-1)
             (ice-9 rdelim))

(define build-machines (@@ (guix scripts offload) build-machines))

;; Every field of <build-machine>, with the accessor guix offload uses ('location' aside).
(define fields
  `(("name" . ,build-machine-name)
    ("port" . ,build-machine-port)
    ("systems" . ,build-machine-systems)
    ("system" . ,(@@ (guix scripts offload) %build-machine-system))
    ("user" . ,build-machine-user)
    ("private-key" . ,build-machine-private-key)
    ("host-key" . ,build-machine-host-key)
    ("compression" . ,build-machine-compression)
    ("compression-level" . ,(@@ (guix scripts offload) build-machine-compression-level))
    ("daemon-socket" . ,build-machine-daemon-socket)
    ("overload-threshold" . ,build-machine-overload-threshold)
    ("parallel-builds" . ,(@@ (guix scripts offload) build-machine-parallel-builds))
    ("speed" . ,(@@ (guix scripts offload) build-machine-speed))
    ("features" . ,build-machine-features)))

(define (hex-of s)
  (string-concatenate
   (map (lambda (b) (string-append (if (< b 16) "0" "") (number->string b 16)))
        (bytevector->u8-list (string->utf8 s)))))

(define (encode v)
  (cond ((string? v) (string-append "s\t" (hex-of v)))
        ((and (list? v) (every string? v)) (string-append "l\t" (string-join (map hex-of v) ",")))
        ((eq? v #f) "b\tf")
        ((eq? v #t) "b\tt")
        ((and (number? v) (exact? v) (integer? v)) (string-append "i\t" (number->string v)))
        ((and (real? v) (inexact? v)) (string-append "r\t" (number->string v)))
        (else (string-append "?\t" (hex-of (object->string v))))))

(define (show-machine machine)
  (display "machine\n")
  (for-each (lambda (field)
              (display (car field))
              (display "\t")
              (display (encode ((cdr field) machine)))
              (newline))
            fields))

(define (load-machines)
  (let* ((diagnostics (open-output-string))
         (result (parameterize ((guix-warning-port diagnostics))
                   (with-error-to-port diagnostics
                     (lambda ()
                       (catch #t
                         (lambda () (cons 'ok (build-machines)))
                         (lambda args (cons 'thrown args))))))))
    (display "BEGIN\n")
    (if (eq? (car result) 'ok)
        (for-each show-machine (cdr result))
        (format #t "thrown\t~a\n" (hex-of (object->string (cdr result)))))
    (let ((text (get-output-string diagnostics)))
      (unless (string-null? text)
        (format #t "diagnostic\t~a\n" (hex-of text))))
    (display "END\n")
    (force-output)))

(format #t "READY\t~a\t~a\t~a\n" (getpid) %guix-version (fluid-ref %default-port-encoding))
(force-output)
(let loop ()
  (let ((line (read-line)))
    (unless (eof-object? line)
      (cond ((string=? line "load") (load-machines))
            (else (format #t "BEGIN\nthrown\t~a\nEND\n" (hex-of (string-append "unknown request: " line)))
                  (force-output)))
      (loop))))
