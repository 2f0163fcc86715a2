// cad-154-boxfillet: box_fillet stock (fillet edges), label +Y
// features: +Y counterbore; +Y circular pocket; +Y countersink; -X slot; -Z pocket
// removed mm^3: px=0.000 mx=0.938 py=2.228 my=0.000 pz=0.000 mz=1.343
// margin: label blind 2.228 >= 1.50 x 1.343 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-102.42, -88.91, -19.63], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	box_fillet([5.32, 4.85, 4.00], 0.55, 12);
	face([0, 0, 4.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.66, 3.46, 0]) cbore(0.52, 0.38, 0.26, 1.18);  // +Y 0.480
	face([0, 0, 4.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.83, 2.17, 0]) hole(0.57, 0.89);  // +Y 0.885
	face([0, 0, 4.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.50, 1.33, 0]) csink(0.61, 0.36, 0.25, 1.96);  // +Y 0.862
	face([0, 4.85, 4.00], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([2.00, 2.39, 0]) slot(0.54, 0.33, 1.36);  // -X 0.938
	face([5.32, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([1.32, 2.74, 0]) pocket(0.96, 1.11, 0.00, 1.26);  // -Z 1.343
}
