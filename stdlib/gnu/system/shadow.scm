;;; (gnu system shadow): the base accounts and groups, and the account service.
;;;
;;; account-service-type is extended with lists of <user-account> and <user-group> records
;;; (from the operating system's users and groups, and from services such as guix-daemon's
;;; build accounts); its folded value is the list of all of them, as upstream.

(define-module (gnu system shadow)
  #:use-module (gnu services)
  #:use-module (gnu system accounts)
  #:export (%base-groups
            %base-user-accounts
            %root-account
            default-skeletons
            skeleton-directory
            account-service-type
            account-service
            user-account-or-group?))

;; Like upstream, (gnu system shadow) also offers everything of (gnu system accounts).
(re-export-modules (gnu system accounts))

;; Upstream's system groups: fixed ids where the kernel or a convention needs them.
(define (system-group name . id)
  (user-group (name name) (id (if (null? id) #f (car id))) (system? #t)))

(define %base-groups
  (list (system-group "root" 0)
        (system-group "wheel")
        (system-group "users" 100)
        (system-group "nogroup" 65534)
        (system-group "tty")
        (system-group "dialout")
        (system-group "kmem")
        (system-group "input")
        (system-group "video")
        (system-group "audio")
        (system-group "netdev")
        (system-group "lp")
        (system-group "disk")
        (system-group "floppy")
        (system-group "cdrom")
        (system-group "tape")
        (system-group "kvm")))

(define %base-user-accounts
  (list (user-account
         (name "nobody")
         (uid 65534)
         (group "nogroup")
         (shell (file-append shadow "/sbin/nologin"))
         (home-directory "/nonexistent")
         (create-home-directory? #f)
         (system? #t))))

;; Added by (gnu system) when the operating system declares no account with uid 0.
(define %root-account
  (user-account
   (name "root")
   (password "")
   (uid 0) (group "root")
   (comment "System administrator")
   (home-directory "/root")))

;; Upstream builds dot files from packages; vbmc keeps their names with opaque contents.
(define (default-skeletons)
  (list (list ".bash_profile" (plain-file "bash_profile" "# Set up the system, user profile, and related variables.\n"))
        (list ".bashrc" (plain-file "bashrc" "# Bash initialization for interactive non-login shells.\n"))
        (list ".zlogin" (plain-file "zlogin" "# Set up the system, user profile, and related variables.\n"))
        (list ".nanorc" (plain-file "nanorc" "# Include all the syntax highlighting modules.\n"))))

(define (skeleton-directory skeletons)
  (computed-file "skel" skeletons))

(define (user-account-or-group? x) (or (user-account? x) (user-group? x)))

(define account-service-type
  (service-type
   (name 'account)
   (extensions '())
   ;; Every extension is a list of accounts and groups: they are all concatenated.
   (compose concatenate)
   (extend append)
   (default-value '())
   (description
    "Ensure the user accounts and groups declared by the operating system and by services
exist, with their home directories.")))

(define* (account-service accounts+groups #:optional (skeletons (default-skeletons)))
  (service account-service-type accounts+groups))
