;; A small web server: nginx serving two sites over HTTPS with certificates from Let's Encrypt.
(use-modules (gnu))
(use-service-modules certbot networking ssh web)

(define %nginx-deploy-hook
  (program-file
   "nginx-deploy-hook"
   #~(let ((pid (call-with-input-file "/var/run/nginx/pid" read)))
       (kill pid SIGHUP))))

(define (https-site name root)
  (nginx-server-configuration
   (server-name (list name))
   (listen '("443 ssl" "[::]:443 ssl"))
   (root root)
   (ssl-certificate (string-append "/etc/certs/" name "/fullchain.pem"))
   (ssl-certificate-key (string-append "/etc/certs/" name "/privkey.pem"))))

(operating-system
  (host-name "www1")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/vda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "www1"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services
   (append (list (service dhcpcd-service-type)
                 (service openssh-service-type)
                 (service nginx-service-type
                          (nginx-configuration
                           (server-blocks
                            (list (https-site "example.org" "/srv/www/example.org")
                                  (https-site "blog.example.org" "/srv/www/blog")))))
                 (service certbot-service-type
                          (certbot-configuration
                           (email "hostmaster@example.org")
                           (certificates
                            (list (certificate-configuration
                                   (domains '("example.org" "www.example.org"))
                                   (deploy-hook %nginx-deploy-hook))
                                  (certificate-configuration
                                   (domains '("blog.example.org"))
                                   (deploy-hook %nginx-deploy-hook)))))))
           %base-services)))
