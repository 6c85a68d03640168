;;; (gnu system accounts): user accounts and groups, with Guix's fields and defaults.
;;;
;;; The (type ...) annotations are vbmc's: a wrong value is reported at the value, when the
;;; record is built, instead of when the system is activated.

(define-module (gnu system accounts)
  #:export (<user-account>
            user-account
            user-account?
            user-account-name
            user-account-password
            user-account-uid
            user-account-group
            user-account-supplementary-groups
            user-account-comment
            user-account-home-directory
            user-account-create-home-directory?
            user-account-shell
            user-account-system?

            <user-group>
            user-group
            user-group?
            user-group-name
            user-group-password
            user-group-id
            user-group-system?

            default-shell
            sexp->user-account
            sexp->user-group))

;; A shell is a file-like object (usually (file-append bash "/bin/bash")), a store file name
;; as a string, or a gexp computing one.
(define (shell? x) (or (file-like? x) (string? x) (gexp? x)))

;; Guix's default is Bash's login shell from the system profile; the package reference keeps
;; that meaning without naming a store path.
(define (default-shell) (file-append bash "/bin/bash"))

(define-record-type* <user-account>
  user-account make-user-account
  user-account?
  this-user-account
  (name                    user-account-name
                           (type non-empty-string))
  (password                user-account-password
                           (default #f)
                           (type (maybe string)))
  (uid                     user-account-uid
                           (default #f)
                           (type (maybe natural)))
  ;; No default, as upstream: every account names its primary group.
  (group                   user-account-group
                           (type (or non-empty-string natural)))
  (supplementary-groups    user-account-supplementary-groups
                           (default '())
                           (type (list-of non-empty-string)))
  (comment                 user-account-comment
                           (default "")
                           (type string))
  ;; Thunked as upstream, so that an account inheriting another one and changing its name
  ;; gets a home directory of its own name.  When the name itself is missing or wrong, that
  ;; error is already reported at the record: no second error from here.
  (home-directory          user-account-home-directory
                           (thunked)
                           (default (let ((name (user-account-name this-user-account)))
                                      (if (string? name) (string-append "/home/" name) "/home")))
                           (type non-empty-string))
  (create-home-directory?  user-account-create-home-directory?
                           (default #t)
                           (type boolean))
  (shell                   user-account-shell
                           (default (default-shell))
                           (type (predicate shell? "a file-like object, a string or a G-expression naming a shell")))
  (system?                 user-account-system?
                           (default #f)
                           (type boolean)))

(define-record-type* <user-group>
  user-group make-user-group
  user-group?
  (name           user-group-name
                  (type non-empty-string))
  (password       user-group-password
                  (default #f)
                  (type (maybe string)))
  (id             user-group-id
                  (default #f)
                  (type (maybe natural)))
  (system?        user-group-system?
                  (default #f)
                  (type boolean)))

;; Upstream reads these back from the activation's serialized form; offered for completeness.
(define (sexp->user-group sexp)
  (match sexp
    ((name password id system?)
     (user-group (name name) (password password) (id id) (system? system?)))))

(define (sexp->user-account sexp)
  (match sexp
    ((name uid group supplementary-groups comment home-directory create-home-directory? shell password system?)
     (user-account (name name) (uid uid) (group group)
                   (supplementary-groups supplementary-groups)
                   (comment comment) (home-directory home-directory)
                   (create-home-directory? create-home-directory?)
                   (shell shell) (password password) (system? system?)))))
