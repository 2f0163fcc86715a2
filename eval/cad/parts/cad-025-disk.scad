// cad-025-disk: disk stock (turned edges), label +Z
// features: +Z slot; +Z counterbore; +Z pocket; +Z slot; +X flat
// removed mm^3: px=21.783 mx=0.000 py=0.000 my=0.000 pz=45.059 mz=0.000
// margin: label blind 45.059 >= 1.50 x 21.783 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([7.78, -104.08, 6.03], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	rod_z(7.24, 5.23);
	face([0, 0, 5.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.68, -0.27, 0]) slot(2.52, 0.77, 2.27);  // +Z 13.020
	face([0, 0, 5.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-2.53, -3.17, 0]) cbore(0.92, 0.62, 0.58, 2.66);  // +Z 3.789
	face([0, 0, 5.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-4.32, 0.35, 0]) pocket(2.60, 4.46, 0.00, 1.03);  // +Z 11.944
	face([0, 0, 5.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.00, 4.22, 0]) slot(3.21, 0.75, 2.48);  // +Z 16.306
	translate([-8.24, -8.24, 1.92]) cube([2.77, 16.48, 1.92]);  // +X 21.783
}
