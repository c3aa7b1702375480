# شبكات المنظمات (issue 17).
network-not-itself = لا يمكن لمنظمة أن تكون عضوًا في نفسها.
network-not-member = لا يمكن لشبكة أن تكون عضوًا في شبكة أخرى.
network-unknown = لا توجد أي منظمة بهذا المعرّف.
network-not-a-network = هذه المنظمة ليست شبكة، أو هي نفسها عضو في شبكة: صرّح بها شبكةً أولًا.
network-has-members = لا تزال لهذه الشبكة أعضاء: اسحبهم منها أولًا.
indicators-member = المنظمة
indicators-by-organisation = المنظمة
indicators-chart-organisation = الأشخاص المسجلون حسب المنظمة
indicators-network-note = تجمع هذه الأرقام الدورات الخاصة بالشبكة ودورات { $count ->
    [zero] أعضائها
    [one] منظمتها العضو
    [two] منظمتيها العضوين
    [few] منظماتها الأعضاء الـ{ $count }
    [many] منظماتها الأعضاء الـ{ $count }
   *[other] منظماتها الأعضاء الـ{ $count }
}. تحتفظ كل منظمة بمشاركيها: من سجّل لدى عضوين يُحتسب شخصين، فيكون عدد أشخاص الشبكة مجموع أشخاص أعضائها. لا يُعرض على الشبكة اسم أي مشارك ولا ملفه.
organisation-network = الشبكة
organisation-network-members = أعضاؤها: { $names }.
organisation-is-network = هذه المنظمة شبكة
organisation-is-network-hint = يطّلع منظّموها على مؤشرات دوراتها ودورات أعضائها، ولا يطّلعون أبدًا على مشاركيهم.
organisation-network-of = عضو في الشبكة
organisation-network-none = لا شيء
