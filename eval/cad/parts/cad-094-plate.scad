// cad-094-plate: plate stock (sharp edges), label +Y
// features: +Y hole through; +Y slot; +Y slot; +Y slot; +Y hole through; +Y slot; +Y pocket
// removed mm^3: px=0.000 mx=0.000 py=316.239 my=0.000 pz=0.000 mz=0.000
// margin: label blind 261.650 >= 1.50 x 54.589 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-19.99, -2.88, 89.30], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	box([43.15, 35.76, 2.41]);
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([20.06, 6.99, 0]) hole(2.28, 2.43);  // +Y 38.714
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([23.91, 18.10, 0]) slot(8.66, 2.58, 0.57);  // +Y 37.195
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([34.79, 25.67, 0]) slot(9.87, 1.95, 1.22);  // +Y 61.297
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([17.36, 30.58, 0]) slot(10.79, 2.68, 0.40);  // +Y 32.012
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([35.69, 10.56, 0]) hole(1.46, 2.43);  // +Y 15.875
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.64, 9.10, 0]) slot(5.41, 2.72, 0.46);  // +Y 24.055
	face([0, 0, 2.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.64, 21.18, 0]) pocket(8.66, 10.22, 0.00, 1.21);  // +Y 107.091
}
