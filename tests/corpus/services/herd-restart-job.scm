;; A weekly mcron job whose program restarts nginx through (gnu services herd).
(use-modules (gnu) (guix modules))
(use-service-modules mcron networking web)

(define %restart-nginx
  (program-file
   "restart-nginx"
   (with-imported-modules (source-module-closure '((gnu services herd)))
     #~(begin
         (use-modules (gnu services herd))
         (restart-service 'nginx)))))

(operating-system
  (host-name "restarter")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "restarter"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service nginx-service-type)
          (simple-service 'weekly-restart mcron-service-type
                          (list #~(job "0 5 * * 1" #$%restart-nginx)))
          %base-services)))
