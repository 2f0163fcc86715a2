// cad-103-box: box stock (sharp edges), label -Z
// features: -Z 6 holes; -Z slot; +X rounded pocket
// removed mm^3: px=261.325 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=3947.176
// margin: label blind 3947.176 >= 1.50 x 261.325 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-36.76, -31.11, 55.07], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	box([40.75, 36.39, 54.12]);
	face([0, 0, 54.12], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([26.22, 13.64, 0]) { translate([9.98, 0.00, 0]) hole(2.19, 25.63); translate([4.99, 8.64, 0]) hole(2.19, 25.63); translate([-4.99, 8.64, 0]) hole(2.19, 25.63); translate([-9.98, 0.00, 0]) hole(2.19, 25.63); translate([-4.99, -8.64, 0]) hole(2.19, 25.63); translate([4.99, -8.64, 0]) hole(2.19, 25.63); };  // -Z 2279.137
	face([0, 0, 54.12], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([20.62, 31.18, 0]) slot(12.53, 2.44, 20.97);  // -Z 1668.038
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([10.35, 35.92, 0]) pocket(4.77, 6.06, 1.55, 9.78);  // +X 261.325
}
