;; expect: ok
;; A virtualization host: libvirt with its log daemon, QEMU binfmt for foreign architectures, a
;; childhurd, and a build VM beside them.
(use-modules (gnu) (gnu services virtualization))
(use-service-modules networking ssh)

(operating-system
  (host-name "luchs")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "vmadmin")
                (group "users")
                (supplementary-groups '("wheel" "libvirt" "kvm")))
               %base-user-accounts))
  (services (append (list (service dhcpcd-service-type)
                          (service openssh-service-type)
                          (service libvirt-service-type
                                   (libvirt-configuration (unix-sock-group "libvirt")))
                          (service virtlog-service-type)
                          (service qemu-binfmt-service-type
                                   (qemu-binfmt-configuration
                                    (platforms (lookup-qemu-platforms "arm" "aarch64"))))
                          (service hurd-vm-service-type
                                   (hurd-vm-configuration (memory-size 1024)))
                          (service virtual-build-machine-service-type))
                    %base-services)))
