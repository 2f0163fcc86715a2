// cad-035-boxvfillet: box_vfillet stock (vfillet edges), label -Z
// features: -Z counterbore through; -Z 9 holes; -Z pocket in pocket; -Z slot; -Z countersink through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=3980.032
// margin: label blind 3013.422 >= 1.50 x 966.610 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-160.45, -42.12, -34.27], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	box_vfillet([41.57, 33.81, 42.30], 2.69);
	face([0, 0, 42.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([25.60, 19.28, 0]) cbore(3.41, 11.80, 2.08, 42.32);  // -Z 835.986
	face([0, 0, 42.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.45, 10.71, 0]) { translate([-4.95, -5.35, 0]) hole(1.43, 23.27); translate([-4.95, 0.00, 0]) hole(1.43, 23.27); translate([-4.95, 5.35, 0]) hole(1.43, 23.27); translate([0.00, -5.35, 0]) hole(1.43, 23.27); translate([0.00, 0.00, 0]) hole(1.43, 23.27); translate([0.00, 5.35, 0]) hole(1.43, 23.27); translate([4.95, -5.35, 0]) hole(1.43, 23.27); translate([4.95, 0.00, 0]) hole(1.43, 23.27); translate([4.95, 5.35, 0]) hole(1.43, 23.27); };  // -Z 1330.113
	face([0, 0, 42.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([32.39, 10.07, 0]) pocket2(7.00, 10.32, 1.65, 12.38, 3.07, 5.30, 0.80, 10.92, 0.72, 0.07);  // -Z 1035.624
	face([0, 0, 42.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.11, 23.14, 0]) slot(8.15, 1.67, 18.05);  // -Z 647.685
	face([0, 0, 42.30], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([20.88, 8.26, 0]) csink(1.69, 0.99, 0.70, 42.32);  // -Z 130.624
}
