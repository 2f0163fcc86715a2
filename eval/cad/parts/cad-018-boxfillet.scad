// cad-018-boxfillet: box_fillet stock (fillet edges), label -Y
// features: -Y pocket; -Y circular pocket; -Y pocket; +Z counterbore
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=99335.397 pz=6965.479 mz=0.000
// margin: label blind 99335.397 >= 1.50 x 6965.479 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-208.72, -144.67, -184.77], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	box_fillet([221.48, 102.43, 174.94], 17.10, 16);
	face([0, 0, 174.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([101.81, 55.70, 0]) pocket(20.89, 25.13, 0.00, 33.71);  // -Y 17696.594
	face([0, 0, 174.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([182.10, 44.92, 0]) hole(13.55, 79.05);  // -Y 45303.961
	face([0, 0, 174.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([141.27, 41.02, 0]) pocket(25.62, 24.21, 0.00, 58.58);  // -Y 36334.843
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([55.19, 56.93, 0]) cbore(12.70, 8.26, 6.55, 29.22);  // +Z 6965.479
}
