;; /tmp in RAM, a bind mount of a data folder into a chroot, and a read-only /srv.
(use-modules (gnu))

(operating-system
  (host-name "binds")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "binds"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device "tmpfs")
                                (mount-point "/tmp")
                                (type "tmpfs")
                                (options "size=2G,mode=1777")
                                (check? #f))
                              (file-system
                                (device "/srv/data")
                                (mount-point "/var/chroot/data")
                                (type "none")
                                (flags '(bind-mount))
                                (create-mount-point? #t)
                                (check? #f))
                              (file-system
                                (device (file-system-label "srv"))
                                (mount-point "/srv")
                                (type "ext4")
                                (flags '(read-only no-atime))))
                        %base-file-systems))
  (services %base-services))
