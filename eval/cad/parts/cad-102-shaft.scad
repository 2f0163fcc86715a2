// cad-102-shaft: shaft stock (turned edges), label -Z
// features: -Z 6 holes; -Z hole; +Z countersink; +Z counterbore; +Z counterbore
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=1805.506 mz=147807.018
// margin: label blind 147807.018 >= 1.50 x 1805.506 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-11.93, -31.82, -50.06], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	shaft_z([[61.36, 55.93], [112.04, 152.37]]);
	face([0, 0, 208.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.17, 3.45, 0]) { translate([-24.47, -52.99, 0]) hole(8.48, 81.07); translate([-24.47, 0.00, 0]) hole(8.48, 81.07); translate([-24.47, 52.99, 0]) hole(8.48, 81.07); translate([24.47, -52.99, 0]) hole(8.48, 81.07); translate([24.47, 0.00, 0]) hole(8.48, 81.07); translate([24.47, 52.99, 0]) hole(8.48, 81.07); };  // -Z 108089.994
	face([0, 0, 208.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-66.23, 17.39, 0]) hole(15.17, 55.85);  // -Z 39717.024
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([25.60, -10.38, 0]) csink(6.21, 3.20, 3.01, 8.11);  // +Z 374.309
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-36.11, 31.16, 0]) cbore(5.37, 3.58, 2.85, 11.00);  // +Z 505.258
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([6.83, -5.90, 0]) cbore(6.66, 3.50, 3.99, 12.57);  // +Z 925.938
}
