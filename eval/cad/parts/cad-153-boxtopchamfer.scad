// cad-153-boxtopchamfer: box_topchamfer stock (topchamfer edges), label -X
// features: -X pocket in pocket; -X rounded pocket; -X 6 holes through; -X slot; -X rounded pocket; -X 4 holes through; -Y pocket in pocket; +X countersink; +X 4 holes
// removed mm^3: px=55427.433 mx=3254020.296 py=0.000 my=48905.618 pz=0.000 mz=0.000
// margin: label blind 2673180.026 >= 1.50 x 636267.704 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-160.91, 134.26, 8.52], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	box_topchamfer([453.82, 321.71, 263.55], 39.30);
	face([0, 0, 263.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([160.09, 125.08, 0]) pocket2(59.81, 72.78, 2.66, 70.77, 34.38, 31.09, 0.34, 98.68, 6.19, -5.09);  // -X 413070.353
	face([0, 0, 263.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([318.60, 210.86, 0]) pocket(68.83, 104.79, 14.98, 134.86);  // -X 945170.285
	face([0, 0, 263.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([91.07, 130.32, 0]) { translate([-23.64, -29.52, 0]) hole(8.68, 263.57); translate([-23.64, 0.00, 0]) hole(8.68, 263.57); translate([-23.64, 29.52, 0]) hole(8.68, 263.57); translate([23.64, -29.52, 0]) hole(8.68, 263.57); translate([23.64, 0.00, 0]) hole(8.68, 263.57); translate([23.64, 29.52, 0]) hole(8.68, 263.57); };  // -X 368159.563
	face([0, 0, 263.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([132.83, 222.72, 0]) slot(97.83, 27.53, 83.47);  // -X 645103.102
	face([0, 0, 263.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([268.94, 121.19, 0]) pocket(99.40, 59.73, 24.50, 124.25);  // -X 669836.286
	face([0, 0, 263.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([144.33, 181.55, 0]) { translate([-53.18, 0.00, 0]) hole(8.08, 263.57); translate([-17.73, 0.00, 0]) hole(8.08, 263.57); translate([17.73, 0.00, 0]) hole(8.08, 263.57); translate([53.18, 0.00, 0]) hole(8.08, 263.57); };  // -X 212680.708
	face([0, 0, 263.55], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([226.03, 138.55, 0]) pocket2(20.72, 54.61, 1.36, 34.97, 12.06, 28.25, 0.85, 27.63, -0.48, 7.53);  // -Y 48905.618
	face([0, 321.71, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([246.94, 235.86, 0]) csink(14.41, 7.97, 6.44, 42.20);  // +X 9580.011
	face([0, 321.71, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([277.69, 122.08, 0]) { translate([-21.38, -20.16, 0]) hole(9.25, 43.35); translate([-21.38, 20.16, 0]) hole(9.25, 43.35); translate([21.38, -20.16, 0]) hole(9.25, 43.35); translate([21.38, 20.16, 0]) hole(9.25, 43.35); };  // +X 45847.422
}
