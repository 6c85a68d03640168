;; New users get a custom .bashrc; a message of the day and an /etc/issue greet them.
(use-modules (gnu))

(define %bashrc
  (plain-file "bashrc" "export EDITOR=nano\nalias ll='ls -l'\n"))

(operating-system
  (host-name "welcome")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "welcome"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (skeletons `((".bashrc" ,%bashrc)
               (".bash_profile" ,(plain-file "bash_profile" "source ~/.bashrc\n"))))
  (issue "Welcome to the shared terminal.\n")
  (users (cons (user-account (name "newbie") (group "users"))
               %base-user-accounts))
  (services (modify-services %base-services
              (login-service-type config =>
                                  (login-configuration
                                   (inherit config)
                                   (motd (plain-file "motd" "Be nice.\n")))))))
