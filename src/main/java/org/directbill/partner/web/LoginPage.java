package org.directbill.partner.web;

import org.directbill.partner.Callers;
import org.directbill.shared.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page that sends each user where their work is. */
@PageController
class LoginPage {

    @GetMapping("/login")
    String login() {
        return Callers.find().isPresent() ? "redirect:/" : "login";
    }

    @GetMapping("/")
    String start() {
        return Callers.find()
                .map(caller ->
                        caller.isPartnerUser() ? "redirect:/partners/" + caller.partnerId() : "redirect:/partners")
                .orElse("redirect:/login");
    }

    @GetMapping("/my-company")
    String myCompany() {
        return start();
    }
}
