;; A music server: MPD playing from /srv/music, with myMPD as its web client.
(use-modules (gnu))
(use-service-modules audio networking)

(operating-system
  (host-name "jukebox")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "jukebox"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service mpd-service-type
                   (mpd-configuration
                    (music-directory "/srv/music")
                    (outputs (list (mpd-output
                                    (name "http")
                                    (type "httpd")
                                    (extra-options '((port . "8600"))))))))
          (service mympd-service-type
                   (mympd-configuration
                    (port 8081)))
          %base-services)))
