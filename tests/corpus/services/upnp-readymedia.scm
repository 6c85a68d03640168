;; A media server for the TVs of the house (DLNA) with ReadyMedia.
(use-modules (gnu))
(use-service-modules networking upnp)

(operating-system
  (host-name "dlna")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "dlna"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service readymedia-service-type
                   (readymedia-configuration
                    (friendly-name "House media")
                    (media-directories
                     (list (readymedia-media-directory
                            (path "/srv/media/video")
                            (types '(V)))
                           (readymedia-media-directory
                            (path "/srv/media/music")
                            (types '(A)))))))
          %base-services)))
