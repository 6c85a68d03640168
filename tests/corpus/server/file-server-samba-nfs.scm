;; A small-office file server: Samba shares for Windows machines, NFS exports for Linux ones.
(use-modules (gnu))
(use-service-modules networking nfs samba)

(operating-system
  (host-name "files")
  (timezone "Europe/Prague")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons* (file-system
                         (device (file-system-label "files"))
                         (mount-point "/")
                         (type "ext4"))
                       (file-system
                         (device (file-system-label "shares"))
                         (mount-point "/srv/shares")
                         (type "ext4"))
                       %base-file-systems))
  (services
   (cons* (service dhcpcd-service-type)
          (service samba-service-type
                   (samba-configuration
                    (enable-smbd? #t)
                    (config-file (plain-file "smb.conf" "[global]
workgroup = OFFICE
server string = Office files

[public]
path = /srv/shares/public
read only = no
guest ok = yes
"))))
          (service wsdd-service-type)
          (service nfs-service-type
                   (nfs-configuration
                    (exports '(("/srv/shares/linux"
                                "192.168.10.0/24(rw,sync,no_subtree_check)")))))
          %base-services)))
