;; expect: error 22:36 hurd-vm-service-type
;; expect: error 23:37 hurd-vm-configuration
;; A childhurd next to a build VM, as the manual's "The Hurd in a Virtual Machine" describes.
;; vbmc does not model GNU/Hurd VMs yet (language.md: "may come later"): each unbound name is
;; one located error at its first use (not the record's field names inside the unknown
;; constructor), and the build VM beside it must not cause any other.
(use-modules (gnu) (gnu services virtualization))
(use-service-modules networking ssh)

(operating-system
  (host-name "hurdhost")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (append (list (service dhcp-client-service-type)
                          (service openssh-service-type)
                          (service hurd-vm-service-type
                                   (hurd-vm-configuration
                                    (disk-size (* 5000 (expt 2 20)))
                                    (memory-size 1024)))
                          (service virtual-build-machine-service-type))
                    %base-services)))
