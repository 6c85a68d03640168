;; The system's default channels (for `guix pull' by every user) include a company channel.
(use-modules (gnu) (guix channels))
(use-service-modules networking)

(define %company-channel
  (channel
   (name 'company)
   (url "https://git.example.com/guix-channel.git")
   (branch "main")
   (introduction
    (make-channel-introduction
     "0d5a3ea9b3a3f9d43f1a8a2e0b7d4c1e5f6a7b8c"
     (openpgp-fingerprint
      "CA18 0E4D 6B47 9B91 AB4F  03D3 1D88 07F1 D3B0 3F0E")))))

(operating-system
  (host-name "pull")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "pull"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (service dhcpcd-service-type)
                  (modify-services %base-services
                    (guix-service-type config =>
                                       (guix-configuration
                                        (inherit config)
                                        (channels (cons %company-channel
                                                        %default-channels))))))))
