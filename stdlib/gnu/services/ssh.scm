;;; (gnu services ssh): the OpenSSH daemon, with Guix's fields and defaults.

(define-module (gnu services ssh)
  #:use-module (gnu services)
  #:use-module (gnu services shepherd)
  #:use-module (gnu system accounts)
  #:use-module (gnu system shadow)
  #:export (openssh-service-type
            <openssh-configuration>
            openssh-configuration
            openssh-configuration?
            openssh-configuration-openssh
            openssh-configuration-pid-file
            openssh-configuration-port-number
            openssh-configuration-max-connections
            openssh-configuration-permit-root-login
            openssh-configuration-allow-empty-passwords?
            openssh-configuration-password-authentication?
            openssh-configuration-public-key-authentication?
            openssh-configuration-x11-forwarding?
            openssh-configuration-allow-agent-forwarding?
            openssh-configuration-allow-tcp-forwarding?
            openssh-configuration-gateway-ports?
            openssh-configuration-challenge-response-authentication?
            openssh-configuration-use-pam?
            openssh-configuration-print-last-log?
            openssh-configuration-subsystems
            openssh-configuration-accepted-environment
            openssh-configuration-log-level
            openssh-configuration-authorized-keys
            openssh-configuration-generate-host-keys?
            openssh-configuration-extra-content))

;; (USER KEY ...) where each key is a file-like object holding an OpenSSH public key.
(define (authorized-keys-entry? x)
  (and (pair? x) (string? (car x)) (list? (cdr x))
       (every (lambda (k) (or (file-like? k) (string? k))) (cdr x))))

(define-record-type* <openssh-configuration>
  openssh-configuration make-openssh-configuration
  openssh-configuration?
  (openssh                 openssh-configuration-openssh
                           (default openssh)
                           (type file-like))
  (pid-file                openssh-configuration-pid-file
                           (default "/var/run/sshd.pid")
                           (type non-empty-string))
  (port-number             openssh-configuration-port-number
                           (default 22)
                           (type port))
  (max-connections         openssh-configuration-max-connections
                           (default 200)
                           (type positive))
  (permit-root-login       openssh-configuration-permit-root-login
                           (default #f)
                           (type (or boolean (one-of 'prohibit-password 'without-password))))
  (allow-empty-passwords?  openssh-configuration-allow-empty-passwords?
                           (default #f)
                           (type boolean))
  (password-authentication? openssh-configuration-password-authentication?
                           (default #t)
                           (type boolean))
  (public-key-authentication? openssh-configuration-public-key-authentication?
                           (default #t)
                           (type boolean))
  (x11-forwarding?         openssh-configuration-x11-forwarding?
                           (default #f)
                           (type boolean))
  (allow-agent-forwarding? openssh-configuration-allow-agent-forwarding?
                           (default #t)
                           (type boolean))
  (allow-tcp-forwarding?   openssh-configuration-allow-tcp-forwarding?
                           (default #t)
                           (type boolean))
  (gateway-ports?          openssh-configuration-gateway-ports?
                           (default #f)
                           (type boolean))
  (challenge-response-authentication? openssh-configuration-challenge-response-authentication?
                           (default #f)
                           (type boolean))
  (use-pam?                openssh-configuration-use-pam?
                           (default #t)
                           (type boolean))
  (print-last-log?         openssh-configuration-print-last-log?
                           (default #t)
                           (type boolean))
  (subsystems              openssh-configuration-subsystems
                           (default '(("sftp" "internal-sftp")))
                           (type (list-of list)))
  (accepted-environment    openssh-configuration-accepted-environment
                           (default '())
                           (type (list-of string)))
  (log-level               openssh-configuration-log-level
                           (default 'info)
                           (type (one-of 'quiet 'fatal 'error 'info 'verbose 'debug 'debug1 'debug2 'debug3)))
  (authorized-keys         openssh-configuration-authorized-keys
                           (default '())
                           (type (list-of (predicate authorized-keys-entry?
                                                     "a list of a user name and file-like objects holding public keys"))))
  (generate-host-keys?     openssh-configuration-generate-host-keys?
                           (default #t)
                           (type boolean))
  (extra-content           openssh-configuration-extra-content
                           (default "")
                           (type string)))

(define (openssh-shepherd-services config)
  (list (shepherd-service
         (documentation "OpenSSH server.")
         (provision '(ssh-daemon ssh sshd))
         (requirement '(syslogd loopback))
         (start #~(make-forkexec-constructor
                   (list #$(file-append (openssh-configuration-openssh config) "/sbin/sshd")
                         "-D" "-f" "/etc/ssh/sshd_config")
                   #:pid-file #$(openssh-configuration-pid-file config)))
         (stop #~(make-kill-destructor))
         (auto-start? #t))))

(define %openssh-accounts
  (list (user-group (name "sshd") (system? #t))
        (user-account
         (name "sshd")
         (group "sshd")
         (system? #t)
         (comment "sshd privilege separation user")
         (home-directory "/var/run/sshd")
         (create-home-directory? #f)
         (shell (file-append shadow "/sbin/nologin")))))

;; Extensions are lists of (USER KEY ...) entries, added to the configuration's own.
(define (extend-openssh-authorized-keys config keys)
  (openssh-configuration
   (inherit config)
   (authorized-keys (append (openssh-configuration-authorized-keys config) keys))))

(define openssh-service-type
  (service-type
   (name 'openssh)
   (extensions
    (list (service-extension shepherd-root-service-type openssh-shepherd-services)
          (service-extension account-service-type (const %openssh-accounts))
          (service-extension profile-service-type
                             (lambda (config) (list (openssh-configuration-openssh config))))))
   (compose concatenate)
   (extend extend-openssh-authorized-keys)
   (default-value (openssh-configuration))
   (description "Run the OpenSSH secure shell (SSH) server, sshd.")))
