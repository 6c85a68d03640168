;;; (gnu services): service types, services and their extensions, as Guix has them.
;;;
;;; A service is an instance of a service type with a value; a type's extensions say which other
;;; service types it contributes to.  Folding the graph (instantiating missing targets, then
;;; handing each target the contributions of its extenders) is done by vbmc's services engine in
;;; C# (Vbmc.Services.ServiceFolder), so that every error is reported at the (service ...) form
;;; the user wrote.  'service', 'simple-service' and 'modify-services' are macros for that same
;;; reason: the record they build carries the location of the form they are used in.

(define-module (gnu services)
  #:export (<service-type>
            service-type
            service-type?
            service-type-name
            service-type-extensions
            service-type-compose
            service-type-extend
            service-type-default-value
            service-type-description
            service-type-location
            &no-default-value

            <service-extension>
            service-extension
            service-extension?
            service-extension-target
            service-extension-compute

            <service>
            service
            service?
            service-kind
            service-value
            service-parameters
            simple-service
            modify-services
            %service-origin
            %make-service

            system-service-type
            etc-service-type
            etc-directory
            activation-service-type
            profile-service-type
            boot-service-type
            cleanup-service-type
            setuid-program-service-type
            special-files-service-type
            extra-special-file
            provenance-service-type
            sanitize-service-type-name))

;; The default-value of a type that has none (Guix's &no-default-value): a unique object.
(define &no-default-value (list 'no-default-value))

(define-record-type* <service-extension>
  %service-extension make-service-extension
  service-extension?
  (target  service-extension-target  (type <service-type>))
  (compute service-extension-compute (type procedure)))

;; Guix's service-extension is a plain two-argument constructor.
(define (service-extension target compute)
  (make-service-extension target compute))

(define-record-type* <service-type>
  service-type make-service-type
  service-type?
  (name          service-type-name          (type symbol))
  (extensions    service-type-extensions    (type (list-of <service-extension>)))
  ;; Guix: compose is applied to the list of extension values, extend to the service's value
  ;; and the composed extensions.  Without 'extend' the service's value is left as it is.
  (compose       service-type-compose       (default #f) (type (maybe procedure)))
  (extend        service-type-extend        (default #f) (type (maybe procedure)))
  (default-value service-type-default-value (default &no-default-value))
  (description   service-type-description   (type string))
  (location      service-type-location      (default #f) (innate)))

(define (sanitize-service-type-name name) name)

;; The fields have names no user expression will mention: initializers are bound like let*, and
;; the 'service' macro below is not hygienic, so a field called 'value' would capture a user's
;; variable of that name inside the value expression.
(define-record-type* <service>
  %service-record make-service-record
  service?
  (%kind   service-kind)
  (%value  service-value)
  ;; The service this one was derived from (modify-services), whose location it keeps.
  (%origin %service-origin (default #f)))

(define (service-parameters service) (service-value service))

(define (%make-service type value)
  (%service-record (%kind type) (%value value)))

(define (%service-type-has-default? type)
  (not (eq? (service-type-default-value type) &no-default-value)))

;; (service TYPE [VALUE]).  The error call is in the template so that it is located at the
;; user's (service ...) form.
(define-syntax service
  (syntax-rules ()
    ((_ %type %v)
     (%service-record (%kind %type) (%value %v)))
    ((_ %type)
     (%service-record
      (%kind %type)
      (%value (if (%service-type-has-default? %kind)
                  (service-type-default-value %kind)
                  (error (string-append "no value specified for service of type '"
                                        (symbol->string (service-type-name %kind))
                                        "'"))))))))

;; Guix: a service of a new type named NAME that extends TARGET with VALUE.
(define (%simple-service-type name target)
  (service-type
   (name name)
   (extensions (list (service-extension target (lambda (x) x))))
   (description "This is a simple service.")))

(define-syntax simple-service
  (syntax-rules ()
    ((_ %name %target %v)
     (%service-record (%kind (%simple-service-type %name %target)) (%value %v)))))

;;; modify-services: clauses (TYPE VAR => BODY ...) and (delete TYPE), applied to every service
;;; of the list in order (the list keeps its order); a clause that matches no service is an
;;; error, as in current Guix.
;;;
;;; Each clause becomes (KIND UPDATE LOCATE): UPDATE maps a value to the new one (#f deletes);
;;; LOCATE, for a delete clause, re-evaluates the user's own (delete KIND) list with 'delete'
;;; bound to a procedure that raises the not-found error, so the error is placed at that clause
;;; (a builtin made by 'compose' raises it, so no library code sits between the error and the
;;; user's form).  For a => clause the error is placed at the modify-services form.

(define-syntax %modify-services-clause
  (syntax-rules (=> delete)
    ((_ (delete %kind) %whole)
     (list %kind #f (lambda (delete) %whole)))
    ((_ (%kind %param => %body ...) %whole)
     (list %kind (lambda (%param) %body ...) #f))))

(define-syntax modify-services
  (syntax-rules ()
    ((_ %services %clause ...)
     (%apply-modify-services
      %services
      (list (%modify-services-clause %clause %clause) ...)
      (compose error %modify-services-not-found)
      (lambda (%unmatched)
        (error (%modify-services-not-found %unmatched)))))))

(define (%modify-services-not-found kind)
  (string-append "modify-services: service '"
                 (symbol->string (service-type-name kind))
                 "' not found in service list"))

(define (%apply-modify-services services clauses raise-at-clause raise-here)
  (define used '())
  (define (modify service)
    ;; Every matching clause applies in turn; a delete clause ends the service.
    (let loop ((clauses clauses) (service service))
      (cond ((not service) #f)
            ((null? clauses) service)
            ((eq? (car (car clauses)) (service-kind service))
             (set! used (cons (car clauses) used))
             (let ((update (cadr (car clauses))))
               (loop (cdr clauses)
                     (and update
                          (%service-record
                           (%kind (service-kind service))
                           (%value (update (service-value service)))
                           (%origin (or (%service-origin service) service)))))))
            (else (loop (cdr clauses) service)))))
  (let ((result (filter (lambda (x) x) (map modify services))))
    (for-each (lambda (clause)
                (unless (memq clause used)
                  (if (caddr clause)
                      ((caddr clause) raise-at-clause)
                      (raise-here (car clause)))))
              clauses)
    result))

;;; The essential service types every system has.  Their values are kept as plain lists (vbmc
;;; builds no system derivation): each gathers what its extenders contribute.

(define system-service-type
  (service-type
   (name 'system)
   (extensions '())
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Build the operating system top-level directory, which in turn refers to
everything the operating system needs: its kernel, initrd, system profile, boot script, and so
on.")))

(define boot-service-type
  (service-type
   (name 'boot)
   (extensions (list (service-extension system-service-type
                                        (lambda (gexps) (list (cons 'boot gexps))))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Run @dfn{gexps} at boot time.")))

(define cleanup-service-type
  (service-type
   (name 'cleanup)
   (extensions (list (service-extension boot-service-type (lambda (v) '()))))
   (default-value #f)
   (description "Delete files from @file{/tmp}, @file{/var/run}, and other temporary
locations at boot time.")))

;; Each extension contributes one gexp; the folded value is the list of them (Guix composes
;; with identity and keeps the extensions' list, whatever the service's own value).
(define activation-service-type
  (service-type
   (name 'activate)
   (extensions (list (service-extension boot-service-type
                                        (lambda (gexps) (list (cons 'activation gexps))))))
   (compose (lambda (gexps) gexps))
   (extend (lambda (value gexps) gexps))
   (default-value #f)
   (description "Run @dfn{gexps} upon activation of the operating system.")))

(define etc-service-type
  (service-type
   (name 'etc)
   (extensions (list (service-extension system-service-type
                                        (lambda (files) (list (cons 'etc files))))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Populate the @file{/etc} directory.")))

(define (etc-directory service) (service-value service))

(define profile-service-type
  (service-type
   (name 'profile)
   (extensions (list (service-extension system-service-type
                                        (lambda (packages) (list (cons 'profile packages))))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "This is the @dfn{system profile}, available as
@file{/run/current-system/profile}.  It contains packages that the sysadmin wants to be globally
available to all the system users.")))

(define setuid-program-service-type
  (service-type
   (name 'setuid-program)
   (extensions (list (service-extension activation-service-type (lambda (programs) '()))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Populate @file{/run/setuid-programs} with the specified executables, making
them setuid and/or setgid.")))

(define special-files-service-type
  (service-type
   (name 'special-files)
   (extensions (list (service-extension activation-service-type (lambda (files) '()))))
   (compose concatenate)
   (extend append)
   (default-value '())
   (description "Add special files to the root file system---e.g.,
@file{/usr/bin/env}.")))

(define (extra-special-file file target)
  (simple-service (string->symbol (string-append "special-file-" file))
                  special-files-service-type
                  (list (list file target))))

(define provenance-service-type
  (service-type
   (name 'provenance)
   (extensions (list (service-extension etc-service-type (lambda (file) '()))))
   (default-value #f)
   (description "Store provenance information about the system in the system itself: the
channels used when building the system, and its configuration file, when available.")))
