// cad-085-plate: plate stock (round corners edges), label +X
// features: +X hole through; +X pocket; +X counterbore
// removed mm^3: px=64.196 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 47.334 >= 1.50 x 16.863 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-8.08, -62.69, 31.42], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	box_vfillet([27.35, 19.97, 2.97], 0.95);
	face([0, 0, 2.97], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([15.96, 3.36, 0]) hole(1.35, 2.99);  // +X 16.863
	face([0, 0, 2.97], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([23.08, 13.84, 0]) pocket(4.13, 5.51, 0.00, 1.69);  // +X 38.458
	face([0, 0, 2.97], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.47, 4.94, 0]) cbore(2.38, 0.33, 1.08, 1.17);  // +X 8.876
}
