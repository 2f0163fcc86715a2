// cad-109-box: box stock (sharp edges), label +Z
// features: +Z rounded pocket; +Z pocket in pocket; +Z countersink through; +Z counterbore; +Z pocket; +Z pocket in pocket; -Z open slot; +Y hole; -X slot
// removed mm^3: px=0.000 mx=23.606 py=2.283 my=0.000 pz=964.346 mz=242.394
// margin: label blind 941.280 >= 1.50 x 265.460 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([65.79, 22.45, 89.62], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	box([22.82, 32.26, 15.35]);
	face([0, 0, 15.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.70, 23.60, 0]) pocket(6.71, 6.52, 2.81, 8.54);  // +Z 313.322
	face([0, 0, 15.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([12.96, 10.11, 0]) pocket2(9.88, 14.54, 1.75, 2.03, 4.19, 7.43, 0.13, 1.78, 1.60, -1.95);  // +Z 341.449
	face([0, 0, 15.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.43, 29.43, 0]) csink(1.29, 0.68, 0.61, 15.37);  // +Z 23.066
	face([0, 0, 15.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.32, 7.98, 0]) cbore(2.76, 1.80, 1.32, 6.35);  // +Z 67.209
	face([0, 0, 15.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.11, 29.41, 0]) pocket(8.62, 3.55, 0.00, 4.38);  // +Z 134.032
	face([0, 0, 15.35], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.59, 18.23, 0]) pocket2(3.83, 5.24, 0.19, 3.19, 1.63, 2.53, 0.59, 5.60, 0.11, 0.05);  // +Z 85.269
	face([0, 32.26, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([11.41, 10.48, 0]) translate([0, 0.00, 0]) step(24.82, 4.70, 2.26);  // -Z 242.394
	face([0, 32.26, 15.35], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([8.72, 9.42, 0]) hole(0.35, 6.00);  // +Y 2.283
	face([0, 0, 15.35], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([17.13, 11.76, 0]) slot(1.91, 0.65, 6.22);  // -X 23.606
}
