// cad-077-boxtopchamfer: box_topchamfer stock (topchamfer edges), label +Y
// features: +Y circular pocket; +Y counterbore; +Z hole
// removed mm^3: px=0.000 mx=0.000 py=8.161 my=0.000 pz=0.572 mz=0.000
// margin: label blind 8.161 >= 1.50 x 0.572 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-36.98, -174.17, 80.59], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	box_topchamfer([4.64, 10.32, 8.70], 0.76);
	face([0, 0, 8.70], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.47, 3.10, 0]) hole(0.99, 2.18);  // +Y 6.636
	face([0, 0, 8.70], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.97, 5.37, 0]) cbore(0.50, 1.15, 0.30, 3.41);  // +Y 1.525
	face([0, 10.32, 8.70], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([3.11, 2.52, 0]) hole(0.36, 1.42);  // +Z 0.572
}
