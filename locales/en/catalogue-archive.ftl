## Archiving and deleting programmes and courses (issue 20)
archived = Archived
archived-since = Archived on { $date }: hidden from the catalogue, the lists and the choices in forms; its figures, exports and certificates are kept.
archived-show = Show archived ones too
archived-hide = Hide archived ones
catalogue-delete-submit = Yes, delete for good
catalogue-delete-keep = No, keep it

programme-archive-heading = Archive or delete
programme-archive-explain = Archiving hides the programme and its courses from the catalogue, the lists and the choices in forms. Its indicators, exports and certificates stay as they are, and you can restore it at any time. A programme whose courses still have sessions people can register for or attend cannot be archived: complete or cancel them first.
programme-archive = Archive the programme
programme-restore-explain = Restoring brings back the programme and the courses archived with it.
programme-restore = Restore the programme
programme-delete-rule = A programme can be deleted only while it has no course.
programme-delete = Delete the programme
programme-delete-title = Delete this programme?
programme-delete-explain = The programme will be removed for good. It has no course, so no figure depends on it.
programme-archived-flash = The programme and its courses are archived.
programme-restored-flash = The programme is restored.
programme-deleted-flash = The programme is deleted.

course-archive-heading = Archive or delete
course-archive-explain = Archiving hides the course from the catalogue, the lists and the choices in forms. Its sessions, indicators, exports and certificates stay as they are, and you can restore it at any time. A course with sessions people can still register for or attend cannot be archived: complete or cancel them first.
course-archive = Archive the course
course-restore-explain = Restoring puts the course back in the catalogue and the lists.
course-restore = Restore the course
course-delete-rule = A course can be deleted only while it has no session.
course-delete = Delete the course
course-delete-title = Delete this course?
course-delete-explain = The course will be removed for good, with its audiences and its signatory. It has no session, so no figure depends on it.
course-archived-flash = The course is archived.
course-restored-flash = The course is restored.
course-deleted-flash = The course is deleted.

error-programme-sessions-to-come = { $count ->
    [one] One session of this programme's courses can still be registered for or attended: complete or cancel it before archiving the programme.
   *[other] { $count } sessions of this programme's courses can still be registered for or attended: complete or cancel them before archiving the programme.
}
error-course-sessions-to-come = { $count ->
    [one] One session of this course can still be registered for or attended: complete or cancel it before archiving the course.
   *[other] { $count } sessions of this course can still be registered for or attended: complete or cancel them before archiving the course.
}
error-programme-has-courses = { $count ->
    [one] This programme has a course, so it cannot be deleted: archive it instead, which keeps its figures.
   *[other] This programme has { $count } courses, so it cannot be deleted: archive it instead, which keeps its figures.
}
error-programme-has-outreach = { $count ->
    [one] This programme has an outreach activity, so it cannot be deleted: archive it instead, which keeps its figures.
   *[other] This programme has { $count } outreach activities, so it cannot be deleted: archive it instead, which keeps its figures.
}
error-course-has-sessions = { $count ->
    [one] This course has a session, so it cannot be deleted: archive it instead, which keeps its figures.
   *[other] This course has { $count } sessions, so it cannot be deleted: archive it instead, which keeps its figures.
}
error-course-programme-archived = This course's programme is archived: restore the programme, which brings back its courses.
error-programme-archived = This programme is archived: it takes no new course.
error-programme-archived-outreach = This programme is archived: it takes no new outreach activity.
error-course-archived = This course is archived: it takes no new session and opens no session to registration.
