;; expect: ok
;; A server only reachable with keys: root login off, passwords off, each user's key read from a
;; file kept next to the configuration.
(use-modules (gnu))
(use-service-modules networking ssh)
(use-package-modules ssh)

(define (user name comment)
  (user-account
   (name name)
   (comment comment)
   (group "users")
   (supplementary-groups '("wheel"))))

(operating-system
  (host-name "bastion")
  (timezone "Europe/Berlin")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "bastion-root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (append (list (user "alice" "Alice Liddell")
                       (user "offload" "Offloaded builds"))
                 %base-user-accounts))
  (services
   (append (list (service static-networking-service-type
                          (list (static-networking
                                 (addresses
                                  (list (network-address
                                         (device "eth0")
                                         (value "192.0.2.10/24"))))
                                 (routes
                                  (list (network-route
                                         (destination "default")
                                         (gateway "192.0.2.1"))))
                                 (name-servers '("192.0.2.53")))))
                 (service openssh-service-type
                          (openssh-configuration
                           (openssh openssh-sans-x)
                           (permit-root-login #f)
                           (password-authentication? #f)
                           (authorized-keys
                            `(("alice" ,(local-file "keys/alice.pub"))
                              ("offload" ,(local-file "keys/offload.pub")))))))
           %base-services)))
