# The print-ready report of a whole campaign.

print-title = Print-ready report
print-title-for = Print-ready report: { $campaign }
print-link = Print-ready report
print-how = This page puts the campaign's whole report together: the overview, groups compared by job family, confidence against knowledge, and change since the earlier campaign. Use your browser's Print command to print it or save it as a PDF; the navigation and buttons are left out of the printout.
