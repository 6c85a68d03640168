;;; describe-guix.scm: describes the public interface of every (gnu ...) and (guix ...) module
;;; of the GNU Guix that this Guile finds, as data files (one per module) for vbmc.
;;;
;;; Usage (inside the reference root, see generate.sh):
;;;   guile --no-auto-compile describe-guix.scm OUTPUT-FOLDER
;;; Writes OUTPUT-FOLDER/gnu/packages/base.scm for (gnu packages base), and so on, and prints a
;;; summary on standard output. The format is described in README.md beside this file.
;;;
;;; This is not a vbmc module: it is not embedded in vbmc and runs in Guile only.

(use-modules (ice-9 match)
             (ice-9 regex)
             (ice-9 ftw)
             (ice-9 popen)
             (ice-9 textual-ports)
             (ice-9 exceptions)
             (srfi srfi-1)
             (system syntax)
             (system vm program))

(define output-folder
  (match (command-line)
    ((_ folder) folder)
    (_ (format (current-error-port) "usage: guile describe-guix.scm OUTPUT-FOLDER~%")
       (exit 2))))

(define regeneration-command "bash stdlib/generated/generate.sh")


;;;
;;; Module files and loading.
;;;

;; The folder holding gnu.scm, guix.scm, gnu/ and guix/.
(define site-folder (dirname (search-path %load-path "guix.scm")))

;; Relative file names of every module source, sorted: "gnu.scm", "gnu/artwork.scm", ...
(define (module-files)
  (define (walk relative)
    (let ((absolute (string-append site-folder "/" relative)))
      (append-map (lambda (entry)
                    (let ((child (string-append relative "/" entry)))
                      (if (eq? 'directory (stat:type (stat (string-append site-folder "/" child))))
                          (walk child)
                          (if (string-suffix? ".scm" entry) (list child) '()))))
                  (scandir absolute (lambda (e) (not (member e '("." ".."))))))))
  (sort (append (list "gnu.scm" "guix.scm") (walk "gnu") (walk "guix")) string<?))

(define (file->module-name file)
  (map string->symbol (string-split (string-drop-right file 4) #\/)))

(define (module-name->string name)
  (call-with-output-string (lambda (port) (write name port))))

;; Module name -> first line of the error that stopped its loading.
(define load-errors (make-hash-table))

;; Addresses such as "#<procedure 7f3a0295 ...>" change from one run to the next.
(define (without-addresses text)
  (regexp-substitute/global #f " [0-9a-f]{6,}>" text 'pre ">" 'post))

(define (exception-first-line e)
  (let* ((text (call-with-output-string
                 (lambda (port)
                   (print-exception port #f (exception-kind e) (exception-args e)))))
         (line (car (string-split (string-trim-both text) #\newline))))
    (without-addresses line)))

;; The modules whose loading is under way, from boot-9's own bookkeeping: pairs of a folder
;; hint "gnu/installer/" and a file name "newt".
(define (modules-in-progress)
  (map (match-lambda
         ((hint . name)
          (append (map string->symbol (filter (negate string-null?) (string-split hint #\/)))
                  (list (string->symbol name)))))
       (@@ (guile) autoloads-in-progress)))

;; Loads module NAME; on an error, every module then being loaded (NAME, and the ones it was
;; loading) is marked as failed with the error's first line. A module that failed once is not
;; retried: Guile would hand back its partial definition.
(define (load-module! name)
  (unless (hash-ref load-errors name)
    (call/ec
     (lambda (escape)
       (with-exception-handler
           (lambda (e)
             (let ((line (exception-first-line e)))
               (for-each (lambda (m)
                           (unless (hash-ref load-errors m) (hash-set! load-errors m line)))
                         (cons name (modules-in-progress))))
             (escape #f))
         (lambda () (resolve-interface name)))))))

(define (call/ec proc)
  (let ((tag (make-prompt-tag)))
    (call-with-prompt tag
      (lambda () (proc (lambda (v) (abort-to-prompt tag v))))
      (lambda (k v) v))))

(define files (module-files))
(define module-names (map file->module-name files))

(for-each load-module! module-names)

;; A module that uses (not autoloads) a module that failed to load fails too when loaded in a
;; fresh Guile, with that error; here it may have been loaded after the failure, against the
;; partial module Guile keeps, so pass failures on until nothing changes.
(define (propagate-load-errors!)
  (let loop ()
    (let ((changed? #f))
      (for-each
       (lambda (name)
         (unless (hash-ref load-errors name)
           (let ((failed (find (lambda (i)
                                 (and (not (eq? (module-kind i) 'autoload))
                                      (hash-ref load-errors (module-name i))))
                               (module-uses (resolve-module name)))))
             (when failed
               (hash-set! load-errors name (hash-ref load-errors (module-name failed)))
               (set! changed? #t)))))
       module-names)
      (when changed? (loop)))))
(propagate-load-errors!)

;; The error each failed module gives when it is the first thing a fresh Guile loads, so that
;; it does not depend on what this process loaded before.
(define (fresh-load-error name)
  (let* ((program
          (format #f "(catch #t (lambda () (resolve-interface '~s) (display \"loaded\"))
                        (lambda (key . args) (print-exception (current-output-port) #f key args)))"
                  name))
         (pipe (open-pipe* OPEN_READ "guile" "--no-auto-compile" "-c" program))
         (text (get-string-all pipe)))
    (close-pipe pipe)
    (without-addresses (car (string-split (string-trim-both text) #\newline)))))

(for-each (lambda (name)
            (when (hash-ref load-errors name)
              (let ((fresh (fresh-load-error name)))
                (hash-set! load-errors name
                           (if (string=? fresh "loaded")
                               (string-append "loads alone, not after the modules before it: "
                                              (hash-ref load-errors name))
                               fresh)))))
          module-names)

;; The Guix procedures used to classify values (loaded above, resolved now).
(define-syntax-rule (define-from module name ...)
  (begin (define name (module-ref (resolve-interface 'module) 'name)) ...))
(define-from (guix packages) package? package-name package-version package-outputs
  package-superseded hidden-package?)
(define-from (gnu services) service-type? service-type-name service-type-default-value
  service-type-extensions service-extension-target service-type-extend)
(define-from (guix diagnostics) guix-warning-port)
(define-from (guix config) %guix-version)
(define no-default-value (module-ref (resolve-module '(gnu services)) '&no-default-value))

(define loaded-names
  (filter (lambda (name) (not (hash-ref load-errors name))) module-names))
(define described? (let ((set (make-hash-table)))
                     (for-each (lambda (n) (hash-set! set n #t)) loaded-names)
                     (lambda (name) (hash-ref set name))))


;;;
;;; Where a variable is defined: the module whose own table holds it.
;;;

(define (all-modules)
  (let loop ((module (resolve-module '() #f)) (acc '()))
    (hash-fold (lambda (key child acc) (loop child (cons child acc)))
               acc (module-submodules module))))

(define (name<? a b) (string<? (module-name->string a) (module-name->string b)))

;; Variable -> (module-name . symbol) of its definition.
(define homes (make-hash-table))
(for-each (lambda (module)
            (let ((name (module-name module)))
              (module-for-each
               (lambda (sym var)
                 (let ((old (hashq-ref homes var)))
                   ;; Deterministic when several tables hold it: the smallest module name.
                   (when (or (not old) (name<? name (car old))
                             (and (equal? name (car old))
                                  (string<? (symbol->string sym) (symbol->string (cdr old)))))
                     (hashq-set! homes var (cons name sym)))))
               module)))
          (all-modules))

(define (interface-bindings iface)
  (sort (hash-map->list cons (module-obarray iface))
        (lambda (a b) (string<? (symbol->string (car a)) (symbol->string (car b))))))

;; Variable -> (module-name . symbol): where a described module exports it as its own.
(define exported-definitions (make-hash-table))
(for-each
 (lambda (name)
   (for-each (match-lambda
               ((sym . var)
                (match (hashq-ref homes var)
                  (((? (lambda (m) (equal? m name))) . _)
                   (unless (hashq-ref exported-definitions var)
                     (hashq-set! exported-definitions var (cons name sym))))
                  (_ #f))))
             (interface-bindings (resolve-interface name))))
 loaded-names)


;;;
;;; Classification.
;;;

(define (symbol<? a b) (string<? (symbol->string a) (symbol->string b)))

(define (value-kind v)
  (cond ((unspecified? v) 'unspecified)
        ((boolean? v) 'boolean)
        ((string? v) 'string)
        ((number? v) 'number)
        ((symbol? v) 'symbol)
        ((keyword? v) 'keyword)
        ((char? v) 'char)
        ((char-set? v) 'char-set)
        ((list? v) 'list)
        ((pair? v) 'pair)
        ((vector? v) 'vector)
        ((record-type? v) 'record-type)
        ((parameter? v) 'parameter)
        ((procedure? v) 'procedure)
        ((record? v) 'record)
        ((promise? v) 'promise)
        ((hash-table? v) 'hash-table)
        (else 'other)))

;; Values written out in full: atoms, and lists of them, when short.
(define max-value-length 256)
(define (plain-data? v)
  (or (string? v) (boolean? v) (symbol? v) (keyword? v)
      (and (number? v) (real? v) (not (nan? v)) (not (inf? v)))
      (and (list? v) (every plain-data? v))))
(define (written v) (call-with-output-string (lambda (port) (write v port))))

(define (record-type-of v) (record-type-name (record-type-descriptor v)))

(define (value-plist v)
  (let ((kind (value-kind v)))
    (append
     `(#:value-kind ,kind)
     (if (eq? kind 'record) `(#:type ,(record-type-of v)) '())
     (if (and (eq? kind 'list) (pair? v))
         (let* ((kinds (map value-kind v))
                (types (map (lambda (x k) (and (eq? k 'record) (record-type-of x))) v kinds)))
           (cond ((not (every (lambda (k) (eq? k (car kinds))) kinds)) '(#:element-kind mixed))
                 ((and (eq? (car kinds) 'record) (not (every (lambda (t) (eq? t (car types))) types)))
                  '(#:element-kind record))
                 ((eq? (car kinds) 'record) `(#:element-kind record #:element-type ,(car types)))
                 (else `(#:element-kind ,(car kinds)))))
         '())
     (if (and (plain-data? v) (<= (string-length (written v)) max-value-length))
         `(#:value ,v)
         '()))))

(define (arity-plist alist)
  (let ((required (length (or (assq-ref alist 'required) '())))
        (optional (length (or (assq-ref alist 'optional) '())))
        (keywords (map car (or (assq-ref alist 'keyword) '())))
        (others? (assq-ref alist 'allow-other-keys?))
        (rest (assq-ref alist 'rest)))
    (append `(#:required ,required)
            (if (zero? optional) '() `(#:optional ,optional))
            (if rest '(#:rest? #t) '())
            (if (null? keywords) '() `(#:keywords ,keywords))
            (if others? '(#:allow-other-keys? #t) '()))))

(define (procedure-plist proc)
  (let ((alists (if (program? proc) (program-arguments-alists proc) '())))
    (match alists
      ((alist) (arity-plist alist))
      (()
       ;; Not a compiled procedure (an applicable struct, say): its minimum arity only.
       (match (procedure-minimum-arity proc)
         ((req opt rest?) (arity-plist `((required . ,(iota req)) (optional . ,(iota opt))
                                         (rest . ,rest?))))
         (_ '(#:arity-unknown? #t))))
      (_ `(#:cases ,(map arity-plist alists))))))

;; Runs THUNK with every warning and error port captured; returns (values result text).
(define (captured thunk)
  (let* ((port (open-output-string))
         (result (parameterize ((guix-warning-port port)
                                (current-warning-port port)
                                (current-error-port port)
                                (current-output-port port))
                   (catch #t thunk (lambda _ #f)))))
    (values result (get-output-string port))))

;; What a macro stands for when used as a bare identifier, as (target-symbol value-or-#f
;; warning-text): Guix's record type names expand to their record type descriptor, its record
;; accessors and predicates (define-inlinable) to a procedure, deprecated names (define-deprecated
;; and friends) to their replacement after a warning. Memoized by macro.
(define bare-expansions (make-hash-table))
(define (bare-expansion home sym macro)
  (or (hashq-ref bare-expansions macro)
      (let ((expansion
             (call-with-values
                 (lambda ()
                   (captured (lambda () ((macro-transformer macro) (datum->syntax #f sym)))))
               (lambda (result text)
                 (let* ((target (and (syntax? result) (syntax->datum result)))
                        (var (and (symbol? target) (module-variable home target))))
                   (list (and (symbol? target) target)
                         (and var (variable-bound? var) (variable-ref var))
                         text))))))
        (hashq-set! bare-expansions macro expansion)
        expansion)))

(define deprecation-rx (make-regexp "'([^']+)' is deprecated(, use '([^']+)' instead)?"))
(define (deprecation sym expansion)
  (match expansion
    ((target value text)
     (let ((m (regexp-exec deprecation-rx text)))
       (and m (string=? (match:substring m 1) (symbol->string sym))
            (append (if (match:substring m 3)
                        `(#:replacement ,(string->symbol (match:substring m 3)))
                        '())
                    (if (and target (not (eq? target sym))
                             (not (equal? (match:substring m 3) (symbol->string target))))
                        `(#:expands-to ,target)
                        '())))))))

;; The record type descriptor bound to NAME in MODULE (directly, or through a Guix record type
;; name macro), or #f.
(define (record-type-named module name)
  (let ((var (module-variable module name)))
    (and var (variable-bound? var)
         (let ((v (variable-ref var)))
           (cond ((record-type? v) v)
                 ((macro? v)
                  (match (bare-expansion module name v)
                    ((_ (? record-type? rtd) _) rtd)
                    (_ #f)))
                 (else #f))))))

(define missing-rx (make-regexp "missing field initializers (\\(.*\\))"))

;; Expanding (CTOR) with no field names the fields that have no default; #f when CTOR is not a
;; Guix record constructor.
(define (fields-without-default module ctor)
  (call-with-values
      (lambda ()
        (captured (lambda ()
                    (catch 'syntax-error
                      (lambda ()
                        (save-module-excursion
                         (lambda ()
                           (set-current-module module)
                           (macroexpand (list ctor))))
                        '())
                      (lambda (key who message . _)
                        (let ((m (and (string? message) (regexp-exec missing-rx message))))
                          (if m
                              (with-input-from-string (match:substring m 1) read)
                              'other)))))))
    (lambda (result text)
      (and (list? result) result))))

;; A Guix record type name macro answers (TYPE (map-fields _ _) M) with (M ((field kind) ...)),
;; kind being normal, thunked or delayed. The literal map-fields is (guix records)'s.
(define map-fields-literal (eval '(syntax map-fields) (resolve-module '(guix records))))
(define (guix-field-kinds sym macro)
  (captured
   (lambda ()
     (match (syntax->datum
             ((macro-transformer macro)
              (list (datum->syntax #f sym)
                    (list map-fields-literal (datum->syntax #f 'a) (datum->syntax #f 'b))
                    (datum->syntax #f 'm))))
       (('m ((fields kinds) ...)) (map cons fields kinds))
       (_ #f)))))

(define (record-type-plist rtd)
  (let ((parent (record-type-parent rtd)))
    (append `(#:fields ,(record-type-fields rtd))
            (if parent `(#:parent ,(record-type-name parent)) '())
            (if (exception-type? rtd) '(#:exception? #t) '()))))

(define (fields-of-kind kinds kind)
  (filter-map (match-lambda ((field . k) (and (eq? k kind) field))) kinds))

;; The plist of record type NAME in HOME: its fields, and for a Guix record type (a macro) which
;; fields are thunked or delayed.
(define (record-type-description home name)
  (let* ((rtd (record-type-named home name))
         (v (module-ref home name))
         (kinds (and (macro? v) (guix-field-kinds name v))))
    (when (and (macro? v) (not (and kinds (equal? (map car kinds) (record-type-fields rtd)))))
      (surprise! (format #f "~a in ~a: a record type macro without matching map-fields" name
                         (module-name home))))
    (append (record-type-plist rtd)
            (if kinds
                (let ((thunked (fields-of-kind kinds 'thunked))
                      (delayed (fields-of-kind kinds 'delayed)))
                  (append (if (null? thunked) '() `(#:thunked ,thunked))
                          (if (null? delayed) '() `(#:delayed ,delayed))))
                '()))))

;; Surprises, for the summary: bindings that could be classified two ways.
(define surprises '())
(define (surprise! text) (set! surprises (cons text surprises)))

;; The entry of a value V that is not a macro.
(define (value-entry sym v home)
  (cond
   ((package? v)
    (let ((superseded (package-superseded v)))
      `(package ,sym
                ,@(if (string=? (package-name v) (symbol->string sym)) '() `(#:name ,(package-name v)))
                #:version ,(package-version v)
                ,@(if (equal? (package-outputs v) '("out")) '() `(#:outputs ,(package-outputs v)))
                ,@(if (package? superseded) `(#:superseded-by ,(package-name superseded)) '())
                ,@(if (hidden-package? v) '(#:hidden? #t) '()))))
   ((service-type? v)
    (let ((default (service-type-default-value v))
          (targets (map (lambda (e) (service-type-name (service-extension-target e)))
                        (service-type-extensions v))))
      `(service-type ,sym #:name ,(service-type-name v)
                     #:default? ,(not (eq? default no-default-value))
                     ,@(if (and (not (eq? default no-default-value)) (record? default)
                                (not (record-type? default)))
                           `(#:default-type ,(record-type-of default))
                           '())
                     ,@(if (null? targets) '() `(#:extends ,targets))
                     ,@(if (procedure? (service-type-extend v)) '(#:extensible? #t) '()))))
   ((record-type? v)
    (when (procedure? v)
      (surprise! (format #f "~a in ~a: a record type that is also a procedure" sym (module-name home))))
    `(record-type ,sym ,@(record-type-plist v)))
   ((parameter? v) `(variable ,sym #:value-kind parameter))
   ((procedure? v)
    (when (record? v)
      (surprise! (format #f "~a in ~a: a procedure that is also a record of type ~a"
                         sym (module-name home) (record-type-of v))))
    `(procedure ,sym ,@(procedure-plist v)))
   (else `(variable ,sym ,@(value-plist v)))))

;; The entry of a macro M.
(define (macro-entry sym m home own-record-types)
  (let* ((expansion (bare-expansion home sym m))
         (text (symbol->string sym))
         (type-name (string->symbol (string-append "<" text ">")))
         (this-type (and (string-prefix? "this-" text)
                         (eq? (macro-type m) 'syntax-parameter)
                         (let ((t (string->symbol (string-append "<" (string-drop text 5) ">"))))
                           (and (record-type-named home t) t)))))
    (cond
     ((deprecation sym expansion)
      => (lambda (plist)
           `(deprecated ,sym ,@plist
                        ,@(match expansion
                            ((target _ _)
                             (let ((var (and target (not (eq? target sym))
                                             (module-variable home target))))
                               ;; Described here unless some module exports it.
                               (if (and var (not (hashq-ref exported-definitions var)))
                                   `(#:target ,(classify target var home own-record-types))
                                   '())))))))
     ;; A Guix record type: its name is a macro standing for the descriptor.
     ((match expansion ((_ (? record-type? rtd) _) rtd) (_ #f))
      `(record-type ,sym ,@(record-type-description home sym) #:macro? #t))
     ;; define-inlinable procedures (Guix record accessors and predicates) and other macros that
     ;; stand for a value when not called.
     ((match expansion ((_ (? procedure?) _) #t) (_ #f))
      (match expansion
        ((_ value _) `(,@(value-entry sym value home) #:macro? #t))))
     ((and (record-type-named home type-name) (fields-without-default home sym))
      => (lambda (no-default)
           (let ((rtd (record-type-named home type-name)))
             `(record-constructor ,sym #:type ,type-name
                                  ,@(if (memq rtd own-record-types)
                                        '()
                                        (record-type-description home type-name))
                                  ,@(if (null? no-default) '() `(#:no-default ,no-default))))))
     (this-type `(syntax ,sym #:this-record ,this-type))
     (else
      (when (record-type-named home type-name)
        (surprise! (format #f "~a in ~a: a macro beside record type ~a but not its constructor"
                           sym (module-name home) type-name)))
      `(syntax ,sym)))))

;; The entry of binding SYM (variable VAR) whose definition lives in HOME (a module).
;; OWN-RECORD-TYPES: the record types this same file describes as its own entries.
(define (classify sym var home own-record-types)
  (if (not (variable-bound? var))
      `(variable ,sym #:value-kind unbound)
      (let ((v (variable-ref var)))
        (if (macro? v)
            (macro-entry sym v home own-record-types)
            (value-entry sym v home)))))

;; The entries of module NAME, sorted by binding name, after its re-exported modules.
(define (module-entries name)
  (let* ((module (resolve-module name))
         (iface (resolve-interface name))
         (bindings (interface-bindings iface))
         (own? (lambda (var) (match (hashq-ref homes var)
                               ((home . _) (equal? home name))
                               (#f #t))))
         (own-record-types
          (filter-map (match-lambda
                        ((sym . var)
                         (and (own? var) (record-type-named module sym))))
                      bindings)))
    (append
     (map (lambda (used) `(re-export-module ,(module-name used))) (module-uses iface))
     (map (match-lambda
            ((sym . var)
             (match (hashq-ref homes var)
               ((? (lambda (h) (or (not h) (equal? (car h) name))))
                (classify sym var module own-record-types))
               ((home-name . home-sym)
                (match (hashq-ref exported-definitions var)
                  ((from . from-sym)
                   `(re-export ,sym #:from ,from ,@(if (eq? from-sym sym) '() `(#:name ,from-sym))))
                  (#f
                   ;; Defined outside the described modules (Guile's own, or privately):
                   ;; described here, with where it comes from.
                   `(,@(classify sym var (resolve-module home-name) '())
                     #:from ,home-name ,@(if (eq? home-sym sym) '() `(#:name ,home-sym)))))))))
          bindings))))


;;;
;;; Output.
;;;

(define (mkdir-p folder)
  (unless (file-exists? folder)
    (mkdir-p (dirname folder))
    (mkdir folder)))

(define (header port)
  (format port ";;; Generated by stdlib/generated/describe-guix.scm from GNU Guix ~a (Guile ~a): do not edit.~%"
          %guix-version (version))
  (format port ";;; Regenerate with: ~a~%" regeneration-command)
  (format port ";;; Format: stdlib/generated/README.md~%"))

(define (write-module-file file name entries error)
  (let ((path (string-append output-folder "/" file)))
    (mkdir-p (dirname path))
    (call-with-output-file path
      (lambda (port)
        (header port)
        (format port "(guix-module ~s" name)
        (when error (format port " #:load-error ~s" error))
        (for-each (lambda (entry) (format port "~%  ~s" entry)) entries)
        (format port ")~%"))
      #:encoding "UTF-8")))

(define counts (make-hash-table))
(define (count! key) (hash-set! counts key (1+ (hash-ref counts key 0))))

(for-each
 (lambda (file name)
   (let ((error (hash-ref load-errors name)))
     (if error
         (begin (count! 'failed-modules) (write-module-file file name '() error))
         (let ((entries (module-entries name)))
           (count! 'modules)
           (for-each (lambda (e) (count! (car e))
                       (when (memq #:from e) (unless (eq? (car e) 're-export) (count! 'described-with-from))))
                     entries)
           (write-module-file file name entries #f)))))
 files module-names)

(format #t "GNU Guix ~a, Guile ~a~%" %guix-version (version))
(for-each (match-lambda ((key . n) (format #t "~a: ~a~%" key n)))
          (sort (hash-map->list cons counts) (lambda (a b) (symbol<? (car a) (car b)))))
(for-each (lambda (file name)
            (let ((e (hash-ref load-errors name)))
              (when e (format #t "failed: ~s: ~a~%" name e))))
          files module-names)
(for-each (lambda (s) (format #t "note: ~a~%" s)) (sort surprises string<?))
