;; Files in /etc made with plain-file, mixed-text-file and local-file, added with simple-service.
(use-modules (gnu))
(use-package-modules base)

(define %resolv
  (plain-file "resolv.conf" "nameserver 192.0.2.53\nsearch example.org\n"))

(define %hello-wrapper
  (mixed-text-file "hello.sh" "#!/bin/sh\nexec " hello "/bin/hello --greeting=\"Salut\"\n"))

(operating-system
  (host-name "etcetera")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "etcetera"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (simple-service 'site-files etc-service-type
                                  `(("resolv.conf" ,%resolv)
                                    ("hello.sh" ,%hello-wrapper)
                                    ("ssh/alice.pub" ,(local-file "../support/keys/alice.pub"))))
                  %base-services)))
