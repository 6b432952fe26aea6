// The home page's search form needs the finder's script to use its choices, so it shows only
// with JavaScript. Without it, the lists below the form lead straight to each need's schools
// (/scholen/behoefte/<need>/) and each gemeente's.
const form = document.getElementById("home-vinder");
if (form) form.hidden = false;
