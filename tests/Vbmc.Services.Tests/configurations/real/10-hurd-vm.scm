;; expect: error 21:36 hurd-vm-service-type
;; A childhurd next to a build VM, as the manual's "The Hurd in a Virtual Machine" describes.
;; vbmc does not model GNU/Hurd VMs yet (language.md: "may come later"): the first use of
;; hurd-vm-service-type must be the one located error, and the build VM beside it must not
;; cause any other.
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
