// cad-023-plate: plate stock (round corners edges), label -Z
// features: -Z hole; -Z slot; -Z slot; -Z 4 holes through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=5.973
// margin: label blind 5.012 >= 1.50 x 0.960 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([201.19, -63.92, -198.34], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	box_vfillet([9.13, 8.78, 0.72], 0.43);
	face([0, 0, 0.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.98, 4.99, 0]) hole(0.45, 0.33);  // -Z 0.205
	face([0, 0, 0.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.42, 6.76, 0]) slot(4.13, 1.06, 0.27);  // -Z 3.293
	face([0, 0, 0.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.31, 3.12, 0]) slot(3.07, 0.58, 0.33);  // -Z 1.515
	face([0, 0, 0.72], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.67, 1.75, 0]) { translate([-1.61, 0.00, 0]) hole(0.33, 0.74); translate([-0.54, 0.00, 0]) hole(0.33, 0.74); translate([0.54, 0.00, 0]) hole(0.33, 0.74); translate([1.61, 0.00, 0]) hole(0.33, 0.74); };  // -Z 0.960
}
